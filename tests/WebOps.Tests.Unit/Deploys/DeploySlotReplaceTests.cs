using WebOps.Deploys;

namespace WebOps.Tests.Unit.Deploys;

/// <summary>A different request (a rollback while a deploy waits) takes the waiting run's place: the newest request wins.</summary>
public sealed class DeploySlotReplaceTests
{
    [Fact]
    public void A_replacing_run_with_nothing_executing_goes_to_the_workers_at_once()
    {
        var (slot, dispatchNow) = new DeploySlot(null, 7).Replace(7, 8);

        Assert.Equal(new DeploySlot(null, 8), slot);
        Assert.True(dispatchNow);
        Assert.Equal(new DeploySlot(8, null), slot.Start(8));
    }

    [Fact]
    public void A_replacing_run_behind_an_executing_one_waits_for_it()
    {
        var (slot, dispatchNow) = new DeploySlot(6, 7).Replace(7, 8);

        Assert.Equal(new DeploySlot(6, 8), slot);
        Assert.False(dispatchNow);
        Assert.Equal((new DeploySlot(null, 8), (int?)8), slot.Finish(6));
    }

    [Fact]
    public void Only_the_waiting_run_can_be_replaced()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new DeploySlot(7, null).Replace(7, 8));

        Assert.Equal("Run #8 cannot replace run #7: the deployment's slot holds executing #7, waiting none.", e.Message);
    }
}

using WebOps.Deploys;

namespace WebOps.Tests.Unit.Deploys;

/// <summary>The queue's rules for one deployment: one run executing, one waiting, and requests coalesced onto the waiting one.</summary>
public sealed class DeploySlotTests
{
    [Fact]
    public void A_request_with_nothing_queued_needs_a_run_which_goes_to_the_workers_at_once()
    {
        Assert.Null(DeploySlot.Empty.RunToJoin);

        var (slot, dispatchNow) = DeploySlot.Empty.Queue(7);

        Assert.Equal(new DeploySlot(null, 7), slot);
        Assert.True(dispatchNow);
    }

    [Fact]
    public void A_request_while_a_run_waits_joins_it_whether_or_not_another_executes()
    {
        Assert.Equal(7, new DeploySlot(null, 7).RunToJoin);
        Assert.Equal(8, new DeploySlot(7, 8).RunToJoin);
    }

    [Fact]
    public void A_request_while_a_run_executes_queues_one_more_that_is_held_until_the_executing_run_ends()
    {
        var started = DeploySlot.Empty.Queue(7).Slot.Start(7);
        Assert.Equal(new DeploySlot(7, null), started);
        Assert.Null(started.RunToJoin);

        var (queued, dispatchNow) = started.Queue(8);
        Assert.Equal(new DeploySlot(7, 8), queued);
        Assert.False(dispatchNow);

        var (finished, dispatch) = queued.Finish(7);
        Assert.Equal(new DeploySlot(null, 8), finished);
        Assert.Equal(8, dispatch);
        Assert.Equal(new DeploySlot(8, null), finished.Start(8));
    }

    [Fact]
    public void The_last_run_finishing_empties_the_slot()
    {
        var (slot, dispatch) = new DeploySlot(7, null).Finish(7);

        Assert.True(slot.IsEmpty);
        Assert.Null(dispatch);
        Assert.False(new DeploySlot(7, null).IsEmpty);
        Assert.False(new DeploySlot(null, 7).IsEmpty);
    }

    [Fact]
    public void Broken_sequences_are_refused_with_the_slot_they_met()
    {
        Assert.Equal("Run #9 cannot be queued: run #8 of the same deployment is waiting; join it instead.",
            Assert.Throws<InvalidOperationException>(() => new DeploySlot(7, 8).Queue(9)).Message);
        Assert.Equal("Run #8 cannot start: the deployment's slot holds executing #7, waiting #8.",
            Assert.Throws<InvalidOperationException>(() => new DeploySlot(7, 8).Start(8)).Message);
        Assert.Equal("Run #8 cannot finish: the deployment's slot holds executing none, waiting #8.",
            Assert.Throws<InvalidOperationException>(() => new DeploySlot(null, 8).Finish(8)).Message);
    }
}

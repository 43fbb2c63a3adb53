using Microsoft.Extensions.Time.Testing;
using WebOps.Deploys;

namespace WebOps.Tests.Unit.Deployments;

/// <summary>Which container deaths the panel caused itself (a stop or restart it was carrying out).</summary>
public sealed class PanelActionsTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_death_during_an_action_is_the_actions_doing_until_it_ends()
    {
        var actions = new PanelActions(clock);
        var started = clock.GetUtcNow();

        var acting = actions.Begin("blog");
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.True(actions.Caused("blog", started.AddSeconds(2)));
        acting.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(actions.Caused("blog", started.AddSeconds(2)), "a die handled after the action ended still happened during it");
        Assert.False(actions.Caused("blog", started.AddSeconds(4)), "a crash after the action is a crash");
        Assert.False(actions.Caused("blog", started.AddSeconds(-1)), "a crash before the action is a crash");
        Assert.False(actions.Caused("shop", started.AddSeconds(2)), "another deployment's death is not this action's");
    }

    [Fact]
    public void Only_the_latest_action_counts()
    {
        var actions = new PanelActions(clock);
        var first = clock.GetUtcNow();
        actions.Begin("blog").Dispose();
        clock.Advance(TimeSpan.FromMinutes(1));

        using var second = actions.Begin("blog");

        Assert.False(actions.Caused("blog", first));
        Assert.True(actions.Caused("blog", clock.GetUtcNow()));
    }
}

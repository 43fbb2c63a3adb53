using WebOps.Core.Deployments;
using WebOps.Core.Health;

namespace WebOps.Tests.Unit.Health;

public class HealthVerdictTests
{
    private static readonly Dictionary<string, object?> None = [];

    [Fact]
    public void Any_unhealthy_reading_wins_and_gives_the_cause()
    {
        var (health, cause) = HealthVerdict.Combine(
        [
            new(HealthState.Healthy, "container running", HealthSources.Sweep, None),
            new(HealthState.Unhealthy, "GET / answered 503 in 1 ms", HealthSources.Probe, None),
        ]);

        Assert.Equal(HealthState.Unhealthy, health);
        Assert.Equal("GET / answered 503 in 1 ms", cause);
    }

    [Fact]
    public void Nothing_known_leaves_health_unknown()
    {
        Assert.Equal((HealthState.Unknown, null), HealthVerdict.Combine([new(HealthState.Unknown, null, HealthSources.Sweep, None)]));
        Assert.Equal((HealthState.Unknown, null), HealthVerdict.Combine([]));
    }

    [Fact]
    public void All_healthy_is_healthy()
    {
        Assert.Equal(HealthState.Healthy, HealthVerdict.Combine([new(HealthState.Healthy, null, HealthSources.Probe, None)]).Health);
    }
}

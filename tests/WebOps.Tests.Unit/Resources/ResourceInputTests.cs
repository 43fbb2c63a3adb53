using WebOps.Core.Resources;
using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Resources;

public sealed class ResourceInputTests
{
    private static readonly ResourceSettings Stored = new()
    {
        MemoryLimit = "256m",
        CpuLimit = 0.5m,
        PidsLimit = 100,
        RestartPolicy = "always",
        HealthCheck = new HealthCheckSettings { Path = "/health" },
    };

    [Fact]
    public void Absent_fields_keep_their_stored_values() =>
        Assert.Equal(Stored, ResourceInput.Apply(new DeploymentInput(), Stored));

    [Fact]
    public void Empty_text_zero_and_an_empty_path_remove_a_setting()
    {
        var cleared = ResourceInput.Apply(
            new DeploymentInput { MemoryLimit = "", CpuLimit = 0, PidsLimit = 0, RestartPolicy = " ", HealthCheck = new() { Path = "" } }, Stored);

        Assert.Equal(new ResourceSettings(), cleared);
        Assert.Equal("unless-stopped", cleared.EffectiveRestartPolicy);
        Assert.Equal(("10m", 3), (cleared.EffectiveLogMaxSize, cleared.EffectiveLogMaxFile));
    }

    [Fact]
    public void A_health_check_gets_docker_like_defaults_for_what_is_not_given()
    {
        var settings = ResourceInput.Apply(new DeploymentInput { HealthCheck = new() { Path = "/up", Retries = 5 } }, new());

        Assert.Equal(new HealthCheckSettings { Path = "/up", Interval = "30s", Timeout = "5s", Retries = 5, StartPeriod = "0s" }, settings.HealthCheck);
    }
}

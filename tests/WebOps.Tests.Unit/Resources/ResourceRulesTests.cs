using WebOps.Core.Resources;
using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Resources;

public sealed class ResourceRulesTests
{
    private static readonly ValidationOptions TwoCpus = new() { CpuCount = 2 };

    private static string Refusal(DeploymentInput input) =>
        Assert.Single(DeploymentValidator.ValidatePatch(input, TwoCpus)).ToString();

    [Theory]
    [InlineData("lots", "memory_limit: 'lots' is not a size; use Docker notation such as 256m or 1g, or leave it empty for no limit")]
    [InlineData("4m", "memory_limit: is 4 MiB, below the 6 MiB Docker needs to run a container; use 6m or more")]
    [InlineData("-1", "memory_limit: '-1' is not a size; use Docker notation such as 256m or 1g, or leave it empty for no limit")]
    public void A_memory_limit_must_be_a_docker_size_of_6_MiB_or_more(string text, string expected) =>
        Assert.Equal(expected, Refusal(new DeploymentInput { MemoryLimit = text }));

    [Fact]
    public void A_reservation_above_the_limit_is_refused() =>
        Assert.Equal(
            "memory_reservation: is 512 MiB, above memory_limit (256 MiB); lower it or raise memory_limit",
            Refusal(new DeploymentInput { MemoryLimit = "256m", MemoryReservation = "512m" }));

    [Theory]
    [InlineData("3", "cpu_limit: is 3; use a number of CPUs from 0.01 to 2 with at most two decimals (e.g. 0.5), or 0 for no limit")]
    [InlineData("0.005", "cpu_limit: is 0.005; use a number of CPUs from 0.01 to 2 with at most two decimals (e.g. 0.5), or 0 for no limit")]
    [InlineData("-1", "cpu_limit: is -1; use a number of CPUs from 0.01 to 2 with at most two decimals (e.g. 0.5), or 0 for no limit")]
    public void A_cpu_limit_must_fit_the_machine(string cpus, string expected) =>
        Assert.Equal(expected, Refusal(new DeploymentInput { CpuLimit = decimal.Parse(cpus, System.Globalization.CultureInfo.InvariantCulture) }));

    [Fact]
    public void A_negative_pids_limit_is_refused() =>
        Assert.Equal("pids_limit: is -1; use 1 to 4194304 processes, or 0 for no limit", Refusal(new DeploymentInput { PidsLimit = -1 }));

    [Theory]
    [InlineData("sometimes", "restart_policy: 'sometimes' is not one Docker knows; use no, always, unless-stopped, on-failure or on-failure:N")]
    [InlineData("always:3", "restart_policy: 'always:3' is not one Docker knows; use no, always, unless-stopped, on-failure or on-failure:N")]
    [InlineData("on-failure:0", "restart_policy: 'on-failure:0' is refused: the retry count after 'on-failure:' must be a whole number of 1 or more")]
    public void Restart_policies_follow_docker_run(string policy, string expected) =>
        Assert.Equal(expected, Refusal(new DeploymentInput { RestartPolicy = policy }));

    [Fact]
    public void Log_rotation_needs_a_size_and_a_sane_file_count()
    {
        var errors = DeploymentValidator.ValidatePatch(new DeploymentInput { LogMaxSize = "big", LogMaxFile = 500 }, TwoCpus);

        Assert.Equal(
            [
                "log_max_size: 'big' is not a size; use Docker notation such as 10m or 1g",
                "log_max_file: is 500; keep 1 to 100 log files, or 0 for the default (3)",
            ],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Health_check_errors_name_the_field_inside_the_object()
    {
        var input = new DeploymentInput
        {
            HealthCheck = new HealthCheckInput { Path = "health", Interval = "soon", Timeout = "2h", Retries = 0, StartPeriod = "1x" },
        };

        Assert.Equal(
            [
                "health_check.path: must start with '/', e.g. /health (got 'health')",
                "health_check.interval: 'soon' is not a duration; use e.g. 30s, 5m or 1m30s (1s to 24h)",
                "health_check.timeout: is 2h; use 1s to 1h",
                "health_check.start_period: '1x' is not a duration; use e.g. 30s, 5m or 1m30s (0s to 24h)",
                "health_check.retries: is 0; use 1 to 100 failed checks in a row before the container counts as unhealthy",
            ],
            DeploymentValidator.ValidatePatch(input, TwoCpus).Select(e => e.ToString()));
    }

    [Fact]
    public void A_health_check_without_a_path_says_how_to_turn_it_on_or_off() =>
        Assert.Equal(
            "health_check.path: is required to turn the check on, e.g. /health; give an empty path to turn it off",
            Refusal(new DeploymentInput { HealthCheck = new HealthCheckInput { Interval = "10s" } }));

    [Fact]
    public void Good_settings_and_clearing_values_pass()
    {
        var input = new DeploymentInput
        {
            MemoryLimit = "256m",
            MemoryReservation = "128MiB",
            CpuLimit = 0.5m,
            PidsLimit = 200,
            RestartPolicy = "on-failure:5",
            LogMaxSize = "20m",
            LogMaxFile = 5,
            HealthCheck = new HealthCheckInput { Path = "/health", Interval = "1m30s", Timeout = "5s", Retries = 3, StartPeriod = "0s" },
        };

        Assert.Empty(DeploymentValidator.ValidatePatch(input, TwoCpus));
        Assert.Empty(DeploymentValidator.ValidatePatch(new DeploymentInput { MemoryLimit = "", CpuLimit = 0, PidsLimit = 0, HealthCheck = new() { Path = "" } }, TwoCpus));
    }
}

using WebOps.Addons.Process.Launch;
using WebOps.Core.Resources;

namespace WebOps.Tests.Unit.Resources;

public sealed class ScopeAndComposeTests
{
    private static readonly ResourceSettings Limited = new() { MemoryLimit = "64m", MemoryReservation = "32m", CpuLimit = 1.5m, PidsLimit = 50 };

    [Fact]
    public void A_process_runs_inside_a_systemd_scope_with_its_limits() =>
        Assert.Equal(
            [
                "/usr/bin/systemd-run", "--scope", "--quiet", "--collect",
                "-p", "MemoryMax=67108864", "-p", "MemorySwapMax=0", "-p", "MemoryLow=33554432", "-p", "CPUQuota=150%", "-p", "TasksMax=50",
                "--", "/srv/venv/bin/gunicorn", "app.wsgi", "--bind", "127.0.0.1:49160",
            ],
            ScopeCommand.Wrap("/usr/bin/systemd-run", Limited, "/srv/venv/bin/gunicorn", ["app.wsgi", "--bind", "127.0.0.1:49160"]));

    [Fact]
    public void Without_systemd_as_pid_1_the_deploy_log_says_the_limits_are_not_enforced()
    {
        var limits = LaunchLimits.For("blog", Limited, systemdIsPid1: false, underSystemdUnits: false, staticSite: false);
        var spec = new LaunchSpec { Kind = LaunchKind.Process, HostPort = 1, Program = "/bin/app", WorkingDirectory = "/", Description = "d" };

        Assert.Equal(
            "The limits of 'blog' (memory_limit 64 MiB, memory_reservation 32 MiB, cpu_limit 1.5, pids_limit 50) are not enforced: "
            + "process apps get them from a systemd scope, and systemd is not PID 1 here. Run it with Docker (use_docker) to have them enforced.",
            limits.Note);
        Assert.Same(spec, limits.Apply(spec));
    }

    [Fact]
    public void Under_systemd_units_the_limits_go_to_the_unit_and_the_deploy_log_says_so_in_one_line()
    {
        var limits = LaunchLimits.For("blog", Limited, systemdIsPid1: true, underSystemdUnits: true, staticSite: false);
        var spec = new LaunchSpec { Kind = LaunchKind.Process, HostPort = 1, Program = "/bin/app", WorkingDirectory = "/", Description = "d" };

        Assert.Equal(
            "The limits of 'blog' (memory_limit 64 MiB, memory_reservation 32 MiB, cpu_limit 1.5, pids_limit 50) are enforced by its "
            + "systemd unit (MemoryMax=67108864, MemorySwapMax=0, MemoryLow=33554432, CPUQuota=150%, TasksMax=50).",
            limits.Note);
        Assert.Equal(spec with { UnitResources = Limited }, limits.Apply(spec));
    }

    [Fact]
    public void Under_systemd_units_the_restart_policy_reaches_the_unit_without_limits_or_a_log_line()
    {
        var policy = new ResourceSettings { RestartPolicy = "no" };
        var limits = LaunchLimits.For("blog", policy, systemdIsPid1: true, underSystemdUnits: true, staticSite: false);
        var spec = new LaunchSpec { Kind = LaunchKind.Process, HostPort = 1, Program = "/bin/app", WorkingDirectory = "/", Description = "d" };

        Assert.Null(limits.Note);
        Assert.Same(policy, limits.Apply(spec).UnitResources);
    }

    [Fact]
    public void Without_limits_nothing_is_said_or_wrapped() =>
        Assert.Null(LaunchLimits.For("blog", new ResourceSettings { RestartPolicy = "always" }, false, false, false).Note);

    [Fact]
    public void Compose_gets_the_limits_as_an_override_of_its_service()
    {
        var settings = Limited with { RestartPolicy = "always", HealthCheck = new HealthCheckSettings { Path = "/up" } };

        Assert.Equal(
            """
            services:
              web:
                mem_limit: 64m
                memswap_limit: 64m
                mem_reservation: 32m
                cpus: 1.5
                pids_limit: 50
                restart: always
                logging:
                  driver: json-file
                  options:
                    max-size: 10m
                    max-file: 3
                healthcheck:
                  test:
                  - CMD
                  - sh
                  - -c
                  - wget -q -O /dev/null "$$1" || curl -fsS -o /dev/null "$$1"
                  - webops-health
                  - http://127.0.0.1:8000/up
                  interval: 30s
                  timeout: 5s
                  retries: 3
                  start_period: 0s

            """.ReplaceLineEndings("\n"),
            ComposeOverride.ToYaml("web", settings, 8000).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Compose_defaults_are_the_restart_policy_and_log_rotation() =>
        Assert.Equal(["restart", "logging"], ComposeOverride.ForService(new ResourceSettings(), 8000).Keys);
}

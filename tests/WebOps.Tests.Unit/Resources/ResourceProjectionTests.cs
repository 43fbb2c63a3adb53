using Docker.DotNet.Models;
using WebOps.Addons.Docker.Llm;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;
using WebOps.Core.Resources;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Tests.Unit.Resources;

public sealed class ResourceProjectionTests
{
    private static readonly ResourceSettings Limited = new()
    {
        MemoryLimit = "64m",
        MemoryReservation = "32m",
        CpuLimit = 0.5m,
        PidsLimit = 100,
        RestartPolicy = "on-failure:3",
        LogMaxSize = "20m",
        LogMaxFile = 5,
        HealthCheck = new HealthCheckSettings { Path = "/health", Interval = "10s", Timeout = "2s", Retries = 4, StartPeriod = "1m" },
    };

    private static readonly DeploymentSnapshot App = new()
    {
        Id = 1,
        Name = "app",
        RepoUrl = "https://example.com/app.git",
        Branch = "main",
        ProjectType = ProjectType.Django,
        Port = 8000,
        UseDocker = true,
        ImageName = "webops/app:latest",
        ContainerName = "webops-app",
        Resources = Limited,
    };

    [Fact]
    public void Docker_run_carries_every_limit_after_the_network_flags()
    {
        var args = ContainerSpec.For(App, "img:1", 49160, "127.0.0.1", null).ToDockerRunArgs();

        Assert.Equal(
            [
                "--network", "bridge", "--restart", "on-failure:3", "--init",
                "--memory", "64m", "--memory-swap", "64m", "--memory-reservation", "32m", "--cpus", "0.5", "--pids-limit", "100",
                "--log-driver", "json-file", "--log-opt", "max-size=20m", "--log-opt", "max-file=5",
                "--health-cmd", "wget -q -O /dev/null 'http://127.0.0.1:8000/health' || curl -fsS -o /dev/null 'http://127.0.0.1:8000/health'",
                "--health-interval", "10s", "--health-timeout", "2s", "--health-retries", "4", "--health-start-period", "1m",
                "img:1",
            ],
            args.SkipWhile(a => a != "--network"));
    }

    [Fact]
    public void The_engine_request_carries_the_same_limits()
    {
        var create = ContainerSpec.For(App, "img:1", 49160, "127.0.0.1", null).ToCreateParameters();
        var host = create.HostConfig!;

        Assert.Equal((67108864L, 67108864L, 33554432L, 500_000_000L, 100L), (host.Memory, host.MemorySwap, host.MemoryReservation, host.NanoCPUs, host.PidsLimit!.Value));
        Assert.Equal("OnFailure:3", $"{host.RestartPolicy!.Name}:{host.RestartPolicy.MaximumRetryCount}");
        Assert.Equal("json-file max-size=20m max-file=5", $"{host.LogConfig!.Type} {string.Join(" ", host.LogConfig.Config.Select(c => $"{c.Key}={c.Value}"))}");
        Assert.Equal(["CMD", "sh", "-c", HealthCheckSettings.Script, "webops-health", "http://127.0.0.1:8000/health"], create.Healthcheck!.Test);
        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 4L, TimeSpan.FromMinutes(1)),
            (create.Healthcheck.Interval!.Value, create.Healthcheck.Timeout!.Value, create.Healthcheck.Retries!.Value, create.Healthcheck.StartPeriod!.Value));
        Assert.Contains(new KeyValuePair<string, string>(OomKill.LimitLabel, "67108864"), create.Labels!);
    }

    [Fact]
    public void Without_settings_only_log_rotation_applies()
    {
        var create = ContainerSpec.For(App with { Resources = new() }, "img:1", 49160, "127.0.0.1", null).ToCreateParameters();
        var host = create.HostConfig!;

        Assert.Equal((0L, 0L, 0L, (long?)null), (host.Memory, host.NanoCPUs, host.MemoryReservation, host.PidsLimit));
        Assert.Equal(RestartPolicyKind.UnlessStopped, host.RestartPolicy!.Name);
        Assert.Equal("max-size=10m max-file=3", string.Join(" ", host.LogConfig!.Config.Select(c => $"{c.Key}={c.Value}")));
        Assert.Null(create.Healthcheck);
        Assert.DoesNotContain(create.Labels!, l => l.Key == OomKill.LimitLabel);
    }

    [Fact]
    public void The_systemd_unit_runs_the_container_with_the_limits()
    {
        var unit = ContainerSpec.For(App, "img:1", 49160, "127.0.0.1", null).ToSystemdUnitModel("app", "/etc/webops/app.env");

        Assert.Equal(
            ["--init", "--memory", "64m", "--memory-swap", "64m", "--memory-reservation", "32m", "--cpus", "0.5", "--pids-limit", "100"],
            unit.RunArguments.SkipWhile(a => a != "--init").Take(11));
        Assert.DoesNotContain("--restart", unit.RunArguments);
    }

    [Fact]
    public void Vllm_containers_get_the_same_limits()
    {
        var settings = new LlmSettings { Model = "Qwen/Qwen2.5-0.5B-Instruct" };
        var spec = VllmSpec.For(App, settings, "vllm/vllm-openai:v0.6.6", 49200, "127.0.0.1", null);
        var host = spec.ToCreateParameters().HostConfig!;

        Assert.Equal((67108864L, 500_000_000L, 100L), (host.Memory, host.NanoCPUs, host.PidsLimit!.Value));
        Assert.Equal("OnFailure", host.RestartPolicy!.Name.ToString());
        Assert.Equal(["--memory", "64m", "--memory-swap", "64m"], spec.ToDockerRunArgs().SkipWhile(a => a != "--memory").Take(4));
    }
}

using System.Globalization;
using Docker.DotNet.Models;
using WebOps.Core.Resources;

namespace WebOps.Addons.Docker.Spec;

/// <summary>
/// A deployment's <see cref="ResourceSettings"/> in the two forms a container is made from: Engine API fields and
/// <c>docker run</c> flags. App and vLLM specs share it, so a limit reaches every container the same way. Swap is set
/// equal to the memory limit: the limit is what the app gets, not the limit plus as much again in swap.
/// </summary>
public static class ResourceProjection
{
    public const string LogDriver = "json-file";

    /// <summary>Sets limits, log rotation and the health check on an Engine API create request.</summary>
    public static void Apply(CreateContainerParameters create, ResourceSettings settings, string? healthUrl)
    {
        var host = create.HostConfig ??= new HostConfig();
        if (settings.MemoryLimitBytes is { } memory)
        {
            host.Memory = memory;
            host.MemorySwap = memory;
        }

        host.MemoryReservation = settings.MemoryReservationBytes ?? 0;
        host.NanoCPUs = settings.NanoCpus ?? 0;
        host.PidsLimit = settings.PidsLimit;
        host.LogConfig = new LogConfig
        {
            Type = LogDriver,
            Config = new Dictionary<string, string> { ["max-size"] = LogMaxSize(settings), ["max-file"] = LogMaxFile(settings) },
        };
        if (settings.HealthCheck is { } check && healthUrl is not null)
        {
            create.Healthcheck = new HealthcheckConfig
            {
                Test = ["CMD", "sh", "-c", HealthCheckSettings.Script, HealthCheckSettings.ScriptName, healthUrl],
                Interval = DurationText.Parse(check.Interval),
                Timeout = DurationText.Parse(check.Timeout),
                Retries = check.Retries,
                StartPeriod = DurationText.Parse(check.StartPeriod),
            };
        }
    }

    /// <summary>The same settings as <c>docker run</c> flags, in a fixed order.</summary>
    public static List<string> RunArgs(ResourceSettings settings, string? healthUrl)
    {
        var args = new List<string>();
        if (settings.MemoryLimitBytes is { } memory)
        {
            args.AddRange(["--memory", ByteSize.ToDocker(memory), "--memory-swap", ByteSize.ToDocker(memory)]);
        }

        if (settings.MemoryReservationBytes is { } reservation)
        {
            args.AddRange(["--memory-reservation", ByteSize.ToDocker(reservation)]);
        }

        if (settings.CpuLimit is { } cpus)
        {
            args.AddRange(["--cpus", cpus.ToString(CultureInfo.InvariantCulture)]);
        }

        if (settings.PidsLimit is { } pids)
        {
            args.AddRange(["--pids-limit", pids.ToString(CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["--log-driver", LogDriver, "--log-opt", $"max-size={LogMaxSize(settings)}", "--log-opt", $"max-file={LogMaxFile(settings)}"]);
        if (settings.HealthCheck is { } check && healthUrl is not null)
        {
            // --health-cmd takes shell text, so the URL is single-quoted (validated paths hold no quote, but be sure).
            var quoted = $"'{healthUrl.Replace("'", "'\\''", StringComparison.Ordinal)}'";
            args.AddRange([
                "--health-cmd", HealthCheckSettings.Script.Replace("\"$1\"", quoted, StringComparison.Ordinal),
                "--health-interval", check.Interval, "--health-timeout", check.Timeout,
                "--health-retries", check.Retries.ToString(CultureInfo.InvariantCulture), "--health-start-period", check.StartPeriod,
            ]);
        }

        return args;
    }

    private static string LogMaxSize(ResourceSettings settings) => ByteSize.ToDocker(ByteSize.Parse(settings.EffectiveLogMaxSize));

    private static string LogMaxFile(ResourceSettings settings) => settings.EffectiveLogMaxFile.ToString(CultureInfo.InvariantCulture);
}

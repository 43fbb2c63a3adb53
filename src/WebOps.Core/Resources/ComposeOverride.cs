using System.Globalization;
using YamlDotNet.Serialization;

namespace WebOps.Core.Resources;

/// <summary>
/// A deployment's limits as a Compose override for one service (<c>docker compose -f compose.yaml -f override.yaml</c>),
/// in the keys Compose reads without swarm mode: <c>mem_limit</c>, <c>memswap_limit</c>, <c>mem_reservation</c>,
/// <c>cpus</c>, <c>pids_limit</c>, <c>restart</c>, <c>logging</c> and <c>healthcheck</c>. Keys come in a fixed order.
/// </summary>
public static class ComposeOverride
{
    /// <summary>The service's override keys (Compose reads <c>$$</c> as a literal <c>$</c>); the health check needs the port the app listens on inside the container.</summary>
    public static Dictionary<string, object> ForService(ResourceSettings settings, int? appPort)
    {
        var service = new Dictionary<string, object>();
        if (settings.MemoryLimitBytes is { } memory)
        {
            service["mem_limit"] = ByteSize.ToDocker(memory);
            service["memswap_limit"] = ByteSize.ToDocker(memory);
        }

        if (settings.MemoryReservationBytes is { } reservation)
        {
            service["mem_reservation"] = ByteSize.ToDocker(reservation);
        }

        if (settings.CpuLimit is { } cpus)
        {
            service["cpus"] = cpus;
        }

        if (settings.PidsLimit is { } pids)
        {
            service["pids_limit"] = pids;
        }

        service["restart"] = settings.EffectiveRestartPolicy;
        service["logging"] = new Dictionary<string, object>
        {
            ["driver"] = "json-file",
            ["options"] = new Dictionary<string, object>
            {
                ["max-size"] = ByteSize.ToDocker(ByteSize.Parse(settings.EffectiveLogMaxSize)),
                ["max-file"] = settings.EffectiveLogMaxFile.ToString(CultureInfo.InvariantCulture),
            },
        };
        if (settings.HealthCheck is { } check && appPort is { } port)
        {
            service["healthcheck"] = new Dictionary<string, object>
            {
                ["test"] = new List<string> { "CMD", "sh", "-c", HealthCheckSettings.Script.Replace("$", "$$", StringComparison.Ordinal), HealthCheckSettings.ScriptName, check.Url(port) },
                ["interval"] = check.Interval,
                ["timeout"] = check.Timeout,
                ["retries"] = check.Retries,
                ["start_period"] = check.StartPeriod,
            };
        }

        return service;
    }

    /// <summary>The whole override file for <paramref name="serviceName"/>, as YAML.</summary>
    public static string ToYaml(string serviceName, ResourceSettings settings, int? appPort)
    {
        var document = new Dictionary<string, object>
        {
            ["services"] = new Dictionary<string, object> { [serviceName] = ForService(settings, appPort) },
        };
        return new SerializerBuilder().Build().Serialize(document);
    }
}

using WebOps.Addons;
using WebOps.Core.Addons;
using WebOps.Core.Runtime;
using WebOps.Data;

namespace WebOps.Health;

/// <summary>
/// Is the panel itself usable: process up, database reachable, Docker engine reachable when an app needs it. With
/// the docker addon disabled (or not installed) the panel does not use Docker, whatever the deployments say. Until
/// start-up recovery has finished (addon discovery, the Docker addon's settling of interrupted releases) the panel
/// serves but says <c>starting</c>, and a Docker it needs is <c>checking</c>: it has not been looked at yet. The
/// database is asked in plain SQL (<see cref="DatabaseProbe"/>), so the first <c>/healthz</c> does not wait for EF Core's
/// first use.
/// </summary>
public static class PanelHealth
{
    /// <summary>The addon whose event source stands for the Docker engine in the report.</summary>
    public const string DockerAddon = "docker";

    /// <summary>The overall status while start-up recovery runs (still 200: pages and reads are served).</summary>
    public const string Starting = "starting";

    /// <summary>A part not looked at yet.</summary>
    public const string Checking = "checking";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public static async Task<(bool Ok, HealthzReport Report)> CheckAsync(
        DatabaseProbe database, IEnumerable<IRuntimeEventSource> sources, AddonRegistry registry, string proxy, bool recovered, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        bool usesDocker;
        try
        {
            usesDocker = await database.AnyDockerDeploymentAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, new HealthzReport("unavailable", "unreachable", "unknown", proxy));
        }

        var status = recovered ? "ok" : Starting;
        var engine = sources.FirstOrDefault(s => s.Addon == DockerAddon);
        if (!usesDocker || engine is null)
        {
            return (true, new HealthzReport(status, "ok", "not used", proxy));
        }

        if (!recovered)
        {
            // Whether the docker addon is enabled is known once discovery has run, and the engine is asked after.
            return (true, new HealthzReport(status, "ok", Checking, proxy));
        }

        if (!registry.IsInUse(DockerAddon))
        {
            return (true, new HealthzReport(status, "ok", "not used", proxy));
        }

        try
        {
            await engine.PingAsync(timeout.Token);
            return (true, new HealthzReport("ok", "ok", "ok", proxy));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, new HealthzReport("unavailable", "ok", "unreachable", proxy));
        }
    }
}

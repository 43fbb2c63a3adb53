using WebOps.Addons.Process.Static;
using WebOps.Addons.Process.Supervision;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// One release of an app held apart from the deployment's current one during a redeploy beside it: the new release
/// until it is switched to, or the previous one while it drains. Either a supervised process or a static site served
/// by the panel.
/// </summary>
public sealed class RunningRelease
{
    private RunningRelease(int port, LogRing ring, SupervisedProcess? process, StaticSiteServer? site)
    {
        Port = port;
        Ring = ring;
        Process = process;
        Site = site;
    }

    public int Port { get; }

    /// <summary>This release's own output (a static site's request lines), apart from the other release's.</summary>
    public LogRing Ring { get; }

    public SupervisedProcess? Process { get; }

    public StaticSiteServer? Site { get; }

    /// <summary>The process id; a static site runs inside the panel.</summary>
    public int Pid => Process?.Pid ?? Environment.ProcessId;

    /// <summary>For the deploy log: <c>pid 4242 on port 20001</c>, or <c>the static site on port 20001</c>.</summary>
    public string Describe() => Process is not null ? $"pid {Process.Pid} on port {Port}" : $"the static site on port {Port}";

    public static RunningRelease Of(SupervisedProcess process, int port) => new(port, process.Ring, process, null);

    public static RunningRelease Of(StaticSiteServer site) => new(site.Port, site.Ring, null, site);

    /// <summary>SIGTERM to the process group, SIGKILL after <paramref name="timeout"/>; a static site closes its port.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (Process is not null)
        {
            await Process.StopAsync(timeout, ct);
            await Process.DisposeAsync();
        }

        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }

    /// <summary>SIGKILL to the whole process group at once; a static site closes its port.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        if (Process is not null)
        {
            await Process.KillAsync(ct);
            await Process.DisposeAsync();
        }

        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

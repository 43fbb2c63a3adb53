using System.Globalization;

namespace WebOps.Proxy;

/// <summary>
/// When the panel starts Caddy again while the apps run: at once when the Caddy it started itself (its pid file) is
/// gone, after <see cref="ForeignGrace"/> of silence when another one (systemd, by hand) was serving and does not come
/// back, and never more often than every <see cref="Spacing"/>, so a Caddy that cannot start does not spin.
/// </summary>
public static class CaddyRelaunch
{
    /// <summary>Long enough for systemd (or whoever runs it) to restart its own Caddy first.</summary>
    public static readonly TimeSpan ForeignGrace = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(10);

    /// <summary>Why to start Caddy now, for the log; null when not (yet).</summary>
    /// <param name="admin">The admin address nothing answers at.</param>
    /// <param name="ownPid">The pid in the panel's Caddy pid file, if any.</param>
    /// <param name="ownRunning">Whether that process still runs.</param>
    /// <param name="silentFor">How long nothing has answered at <paramref name="admin"/>.</param>
    /// <param name="sinceLastLaunch">How long ago the panel last started Caddy (null: never in this run).</param>
    public static string? Reason(string admin, int? ownPid, bool ownRunning, TimeSpan silentFor, TimeSpan? sinceLastLaunch)
    {
        if (sinceLastLaunch < Spacing)
        {
            return null;
        }

        if (ownPid is { } pid)
        {
            // A Caddy of ours that still runs but does not answer is starting or stuck: a second one could not bind.
            return ownRunning ? null : string.Create(CultureInfo.InvariantCulture, $"the Caddy the panel started (pid {pid}) is gone");
        }

        return silentFor >= ForeignGrace
            ? string.Create(CultureInfo.InvariantCulture, $"nothing has answered at {admin} for {silentFor.TotalSeconds:0} s")
            : null;
    }
}

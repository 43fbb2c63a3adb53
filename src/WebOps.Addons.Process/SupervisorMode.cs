namespace WebOps.Addons.Process;

/// <summary>Who keeps app processes running (setting <c>Deployments:Supervisor</c>).</summary>
public enum SupervisorMode
{
    /// <summary>The panel's own supervisor (the default; works without systemd).</summary>
    Webops,

    /// <summary>One systemd unit per app; used only when systemd is PID 1.</summary>
    Systemd,
}

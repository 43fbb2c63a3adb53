namespace WebOps.Core.Compose;

/// <summary>
/// What an admin allows compose files to ask for (settings <c>Docker:AllowCompose…</c>). Everything is refused by
/// default because each of these gives a container control of the host or bypasses the panel's proxy.
/// </summary>
public sealed record ComposePolicy
{
    /// <summary><c>Docker:AllowComposePorts</c>: the file may publish host ports itself.</summary>
    public bool AllowPorts { get; init; }

    /// <summary><c>Docker:AllowComposePrivileged</c>: <c>privileged: true</c>.</summary>
    public bool AllowPrivileged { get; init; }

    /// <summary><c>Docker:AllowComposeHostNamespaces</c>: <c>pid: host</c> and <c>network_mode: host</c>.</summary>
    public bool AllowHostNamespaces { get; init; }

    /// <summary><c>Docker:AllowComposeCapabilities</c>: <c>cap_add</c> with ALL or SYS_ADMIN.</summary>
    public bool AllowCapabilities { get; init; }

    /// <summary><c>Docker:AllowComposeDevices</c>: <c>devices</c>.</summary>
    public bool AllowDevices { get; init; }

    /// <summary>Host paths bind mounts may not use, besides the built-in list (<c>Docker:DeniedHostPaths</c>).</summary>
    public IReadOnlyList<string> DeniedHostPaths { get; init; } = [];
}

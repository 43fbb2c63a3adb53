namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The Compose CLI the host has: <c>docker compose</c> (the v2 plugin, which can wait for health itself) or Debian's
/// <c>docker-compose</c> 1.29 (then the addon waits on the engine). <see cref="Version"/> is the CLI's own line.
/// </summary>
public sealed record ComposeCli(string Program, IReadOnlyList<string> Prefix, bool IsV2, string Version)
{
    /// <summary>How the Addons page and /healthz name it, e.g. <c>docker-compose 1.29.2 (v1)</c>.</summary>
    public string Describe() => $"{(IsV2 ? "docker compose" : "docker-compose")}: {Version}";
}

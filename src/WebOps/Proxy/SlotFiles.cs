using WebOps.Core.Proxy;

namespace WebOps.Proxy;

/// <summary>
/// The health files Caddy's checks read (<see cref="CaddyConfig"/>, <see cref="SlotPorts"/>): a deployment's slot takes
/// traffic while its file exists. The files outlive the panel, so the edge keeps routing while the panel is down.
/// </summary>
public sealed class SlotFiles(ProxyFolder folder)
{
    /// <summary>The file that makes <paramref name="port"/>'s slot of <paramref name="deployment"/> healthy.</summary>
    public string PathOf(string deployment, int port) =>
        Path.Join(CaddyConfig.SlotFolder(folder.Path, SlotPorts.Slot(port)), SlotPorts.HealthPath(deployment, port));

    /// <summary>Marks <paramref name="port"/>'s slot healthy: Caddy sends it traffic from its next check on.</summary>
    public void Raise(string deployment, int port)
    {
        var file = PathOf(deployment, port);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, "ok\n");
        }
    }

    /// <summary>Marks <paramref name="port"/>'s slot down: Caddy sends it nothing new from its next check on.</summary>
    public void Lower(string deployment, int port) => File.Delete(PathOf(deployment, port));

    /// <summary>
    /// Makes the files say what the database says: each site's own port healthy, every other file of it and every file
    /// of a deployment no longer routed gone. Deployments in <paramref name="switching"/> are left to their switch.
    /// </summary>
    public void Sync(IReadOnlyCollection<ProxySite> sites, IReadOnlyCollection<string> switching)
    {
        var routed = sites.Where(s => !switching.Contains(s.Deployment)).ToList();
        foreach (var site in routed)
        {
            Raise(site.Deployment, site.HostPort);
        }

        var wanted = routed.ToDictionary(s => s.Deployment, s => Path.GetFullPath(PathOf(s.Deployment, s.HostPort)), StringComparer.Ordinal);

        foreach (var slot in new[] { SlotPorts.SlotA, SlotPorts.SlotB })
        {
            var root = CaddyConfig.SlotFolder(folder.Path, slot);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var dir in Directory.EnumerateDirectories(root))
            {
                var deployment = Path.GetFileName(dir);
                if (switching.Contains(deployment))
                {
                    continue;
                }

                foreach (var file in Directory.EnumerateFiles(dir))
                {
                    if (!wanted.TryGetValue(deployment, out var keep) || !string.Equals(keep, Path.GetFullPath(file), StringComparison.Ordinal))
                    {
                        File.Delete(file);
                    }
                }
            }
        }
    }
}

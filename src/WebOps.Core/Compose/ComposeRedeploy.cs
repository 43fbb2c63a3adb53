using System.Globalization;

namespace WebOps.Core.Compose;

/// <summary>
/// How a running Compose project is redeployed. Beside it, when it can be: the new release runs as a second project
/// on the partner port of the deployment's slot pair and the edge switches to it once it answers. Otherwise stop-first:
/// Compose recreates the changed services in place. Pure: decided from the file and what the caller knows.
/// </summary>
public static class ComposeRedeploy
{
    /// <summary>
    /// Whether Compose accepts <c>name:</c> on a top-level volume in a file of this <paramref name="version"/>: without a
    /// version (the Compose Specification), 2.1 and later 2.x, 3.4 and later. Only then can both projects share them.
    /// </summary>
    public static bool CanNameVolumes(string? version)
    {
        if (version is null)
        {
            return true;
        }

        var parts = version.Split('.');
        var major = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        return major switch
        {
            2 => minor >= 1,
            3 => minor >= 4,
            _ => major > 3,
        };
    }

    /// <summary>
    /// The one log line saying why <paramref name="project"/> is redeployed stop-first, or null when the new release can
    /// start beside it.
    /// </summary>
    /// <param name="routed">The edge routes at least one domain to the deployment (its slot pair can be switched).</param>
    /// <param name="publicRunning">The public service of the running project runs (else nothing is served to keep).</param>
    public static string? StopFirstReason(ComposeDocument document, string project, string publicService, bool routed, bool publicRunning)
    {
        ArgumentNullException.ThrowIfNull(document);
        var services = document.Services();
        var why = !routed
            ? "no domain is routed to it through the edge, so there is no switch to move the traffic to a second project"
            : !publicRunning
            ? $"its public service {publicService} is not running, so there is nothing to keep serving"
            : services.FirstOrDefault(s => s.ContainerName is not null) is { } named
            ? $"service {named.Name} sets container_name '{named.ContainerName}', which two projects cannot both use"
            : services.FirstOrDefault(s => s.PublishesHostPorts) is { } published
            ? $"service {published.Name} publishes host ports itself (Docker:AllowComposePorts), which two projects cannot both bind"
            : !CanNameVolumes(document.Version) && document.Volumes().Any(v => !v.NamedByFile)
            ? $"the file's version {document.Version} cannot name volumes (2.1+ or 3.4+ can), so a second project would get new, empty volumes"
            : null;
        return why is null
            ? null
            : $"Redeploying {project} stop-first: {why}; Compose recreates the changed services in place, so the public service {publicService} is briefly down.";
    }
}

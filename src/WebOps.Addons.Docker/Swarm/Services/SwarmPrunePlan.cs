using System.Globalization;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Releases;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// Which per-deploy tags of a swarm deployment the manager drops after a deploy. Each deploy leaves two tags of one
/// image there: the one built (<c>webops/blog:deploy-7</c>) and the one pushed (<c>10.0.0.1:5000/webops/blog:deploy-7</c>),
/// and a release names the pushed one pinned to its digest. The rule is the container path's
/// (<see cref="ReleaseRetention"/>), by run: both tags of a run stay while a kept release runs it.
/// </summary>
public static class SwarmPrunePlan
{
    /// <param name="tags">Every tag of the deployment's images on the manager.</param>
    /// <param name="registryRepository">The pushed repository, <c>{registry}/webops/{name}</c>.</param>
    /// <param name="localRepository">The built repository, e.g. <c>webops/{name}</c>.</param>
    /// <param name="inUse">The image the service now runs (<c>repo:deploy-N@sha256:…</c>).</param>
    /// <param name="earlierReleases">The images of the releases before it, newest first; null outside a deploy, when the newest runs count as releases.</param>
    /// <param name="keep">How many releases keep their images (<c>Docker:KeepImages</c>).</param>
    public static IReadOnlyList<string> Removable(
        IEnumerable<string> tags, string registryRepository, string localRepository, string inUse, IReadOnlyList<string>? earlierReleases, int keep)
    {
        int? Run(string reference)
        {
            var at = reference.IndexOf('@', StringComparison.Ordinal);
            var tag = at < 0 ? reference : reference[..at];
            return ImageReference.DeployRunOf(tag, registryRepository) ?? ImageReference.DeployRunOf(tag, localRepository);
        }

        var deployTags = tags.Select(tag => (Tag: tag, Run: Run(tag))).Where(t => t.Run is not null).ToList();
        var current = Run(inUse);
        var releases = earlierReleases is null
            ? deployTags.Select(t => t.Run!.Value).Where(run => run != current).Distinct().OrderDescending().Select(run => (int?)run)
            : earlierReleases.Select(Run);
        var kept = ReleaseRetention.Kept([Key(current), .. releases.Select(Key)], keep);
        return [.. deployTags.Where(t => !kept.Contains(Key(t.Run))).Select(t => t.Tag).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A release's run as the retention rule counts it; a release of some other image still takes its place.</summary>
    private static string Key(int? run) => run?.ToString(CultureInfo.InvariantCulture) ?? "other";
}

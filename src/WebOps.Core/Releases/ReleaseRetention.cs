namespace WebOps.Core.Releases;

/// <summary>
/// Which per-deploy images a deployment keeps: those of its newest <c>Docker:KeepImages</c> releases, and always those
/// of the current and the previous release (the default rollback target), whatever the setting. Rollbacks reuse an
/// earlier image, so several releases may share one.
/// </summary>
public static class ReleaseRetention
{
    /// <summary>Releases whose images are kept even when the setting asks for fewer: the current and the previous one.</summary>
    public const int AlwaysKept = 2;

    /// <summary>The images to keep, from the release images newest first (the current release's first).</summary>
    public static IReadOnlySet<string> Kept(IEnumerable<string> releaseImagesNewestFirst, int keep) =>
        releaseImagesNewestFirst.Take(Math.Max(keep, AlwaysKept)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The tags of <paramref name="tags"/> to remove, in their order.</summary>
    public static IReadOnlyList<string> Removable(IEnumerable<string> tags, IEnumerable<string> releaseImagesNewestFirst, int keep)
    {
        var kept = Kept(releaseImagesNewestFirst, keep);
        return [.. tags.Where(tag => !kept.Contains(tag)).Distinct(StringComparer.Ordinal)];
    }
}

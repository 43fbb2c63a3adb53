namespace WebOps.Usage;

/// <summary>
/// Five-minute averages of raw samples. A bucket is averaged once, when it is complete (its end is not after
/// <c>now</c>) and newer than the last bucket already stored, so running it again adds nothing twice.
/// </summary>
public static class UsageRollup
{
    public const int BucketSeconds = 300;

    /// <summary>
    /// The averages of the complete buckets after <paramref name="lastBucket"/> (the start of the newest stored
    /// bucket, null when none), oldest first. Memory and the limit take the bucket's peak: an average would hide
    /// the moment an app came close to its limit.
    /// </summary>
    public static IReadOnlyList<UsagePoint> Buckets(IEnumerable<UsagePoint> raw, long? lastBucket, long now) =>
        [.. raw
            .GroupBy(p => BucketOf(p.Time))
            .Where(g => (lastBucket is not { } last || g.Key > last) && g.Key + BucketSeconds <= now)
            .OrderBy(g => g.Key)
            .Select(g => new UsagePoint(
                g.Key,
                Math.Round(g.Average(p => p.CpuPercent), 2),
                g.Max(p => p.MemoryBytes),
                g.Max(p => p.MemoryLimitBytes),
                Mean(g.Select(p => p.NetRxRate)),
                Mean(g.Select(p => p.NetTxRate)),
                Mean(g.Select(p => p.BlockReadRate)),
                Mean(g.Select(p => p.BlockWriteRate))))];

    /// <summary>The start of the bucket holding <paramref name="time"/> (buckets are aligned to Unix time).</summary>
    public static long BucketOf(long time) => time - (((time % BucketSeconds) + BucketSeconds) % BucketSeconds);

    private static double? Mean(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 1);
    }
}

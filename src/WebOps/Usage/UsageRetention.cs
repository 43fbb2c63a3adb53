namespace WebOps.Usage;

/// <summary>How long each resolution is kept: raw samples for a day, five-minute averages for thirty days.</summary>
public static class UsageRetention
{
    public static readonly TimeSpan Raw = TimeSpan.FromHours(24);

    public static readonly TimeSpan Rollup = TimeSpan.FromDays(30);

    /// <summary>Rows older than these Unix times go: (raw rows, five-minute rows).</summary>
    public static (long RawBefore, long RollupBefore) Cutoffs(long now) =>
        (now - (long)Raw.TotalSeconds, now - (long)Rollup.TotalSeconds);

    /// <summary>The points of <paramref name="points"/> still kept at <paramref name="now"/>, for one resolution.</summary>
    public static IReadOnlyList<UsagePoint> Keep(IEnumerable<UsagePoint> points, bool rollup, long now)
    {
        var (rawBefore, rollupBefore) = Cutoffs(now);
        var before = rollup ? rollupBefore : rawBefore;
        return [.. points.Where(p => p.Time >= before)];
    }
}

namespace WebOps.Usage;

/// <summary>Turns a reading into a stored point: I/O totals become bytes per second since the reading before.</summary>
public static class UsageRates
{
    public static UsagePoint Point(UsageReading? previous, UsageReading now)
    {
        var comparable = previous is not null && previous.Source == now.Source && now.At > previous.At;
        var seconds = comparable ? (now.At - previous!.At).TotalSeconds : 0;
        return new UsagePoint(
            now.At.ToUnixTimeSeconds(),
            now.CpuPercent,
            now.MemoryBytes,
            now.MemoryLimitBytes,
            comparable ? Rate(previous!.NetRxBytes, now.NetRxBytes, seconds) : null,
            comparable ? Rate(previous!.NetTxBytes, now.NetTxBytes, seconds) : null,
            comparable ? Rate(previous!.BlockReadBytes, now.BlockReadBytes, seconds) : null,
            comparable ? Rate(previous!.BlockWriteBytes, now.BlockWriteBytes, seconds) : null);
    }

    // A total that went down means the counter started again (a restarted container): no rate rather than a negative one.
    private static double? Rate(ulong? before, ulong? after, double seconds) =>
        before is { } b && after is { } a && a >= b ? Math.Round((a - b) / seconds, 1) : null;
}

namespace WebOps.Usage;

/// <summary>One point as the API shows it; memory_percent is of the limit, null without one.</summary>
public sealed record UsagePointDto(
    DateTimeOffset Time,
    double CpuPercent,
    long MemoryBytes,
    long? MemoryLimitBytes,
    double? MemoryPercent,
    double? NetRxBytesPerSecond,
    double? NetTxBytesPerSecond,
    double? BlockReadBytesPerSecond,
    double? BlockWriteBytesPerSecond)
{
    public static UsagePointDto From(UsagePoint p) => new(
        DateTimeOffset.FromUnixTimeSeconds(p.Time),
        p.CpuPercent,
        p.MemoryBytes,
        p.MemoryLimitBytes,
        UsageFigures.MemoryPercent(p),
        p.NetRxRate,
        p.NetTxRate,
        p.BlockReadRate,
        p.BlockWriteRate);
}

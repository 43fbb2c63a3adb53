namespace WebOps.Usage;

/// <summary>A range of points as columns (one array per figure, same length, oldest first): what graphs draw from.</summary>
public sealed record UsageSeriesDto(
    IReadOnlyList<long> Time,
    IReadOnlyList<double> CpuPercent,
    IReadOnlyList<long> MemoryBytes,
    IReadOnlyList<long?> MemoryLimitBytes,
    IReadOnlyList<double?> NetRxBytesPerSecond,
    IReadOnlyList<double?> NetTxBytesPerSecond,
    IReadOnlyList<double?> BlockReadBytesPerSecond,
    IReadOnlyList<double?> BlockWriteBytesPerSecond)
{
    public static UsageSeriesDto From(IReadOnlyList<UsagePoint> points) => new(
        [.. points.Select(p => p.Time)],
        [.. points.Select(p => p.CpuPercent)],
        [.. points.Select(p => p.MemoryBytes)],
        [.. points.Select(p => p.MemoryLimitBytes)],
        [.. points.Select(p => p.NetRxRate)],
        [.. points.Select(p => p.NetTxRate)],
        [.. points.Select(p => p.BlockReadRate)],
        [.. points.Select(p => p.BlockWriteRate)]);
}

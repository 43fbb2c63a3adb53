namespace WebOps.Usage;

/// <summary>
/// A deployment's resource use at <see cref="Time"/> (Unix seconds), as stored and served. Rates are bytes per second;
/// null where nothing was measured (no network, a process's network, the first sample after a start).
/// </summary>
public sealed record UsagePoint(
    long Time,
    double CpuPercent,
    long MemoryBytes,
    long? MemoryLimitBytes,
    double? NetRxRate,
    double? NetTxRate,
    double? BlockReadRate,
    double? BlockWriteRate);

namespace WebOps.Usage;

/// <summary>
/// What one read of a running app gives: CPU and memory now, and I/O byte totals since the app started. The
/// <see cref="Source"/> (a container id, or a process id with its start time) tells whether two readings can be
/// compared: totals of different sources are unrelated.
/// </summary>
public sealed record UsageReading(
    DateTimeOffset At,
    string Source,
    double CpuPercent,
    long MemoryBytes,
    long? MemoryLimitBytes,
    ulong? NetRxBytes,
    ulong? NetTxBytes,
    ulong? BlockReadBytes,
    ulong? BlockWriteBytes);

namespace WebOps.Data.Entities;

/// <summary>
/// A deployment's resource use at one moment (<see cref="Step"/> 10: one sample) or averaged over five minutes
/// (<see cref="Step"/> 300). Times are Unix seconds: SQLite cannot compare or order DateTimeOffset values in queries.
/// Rates are bytes per second since the sample before; null when there was nothing to compare with.
/// </summary>
public class UsageSample
{
    public int DeploymentId { get; set; }

    /// <summary>Seconds each row stands for: the sampling interval for raw rows, 300 for the five-minute averages.</summary>
    public int Step { get; set; }

    /// <summary>Unix seconds: the sample's moment, or the start of its five-minute bucket.</summary>
    public long Time { get; set; }

    public double CpuPercent { get; set; }

    public long MemoryBytes { get; set; }

    /// <summary>The container's memory limit (HostConfig.Memory); null when it has none.</summary>
    public long? MemoryLimitBytes { get; set; }

    public double? NetRxRate { get; set; }

    public double? NetTxRate { get; set; }

    public double? BlockReadRate { get; set; }

    public double? BlockWriteRate { get; set; }
}

namespace WebOps.Core.Resources;

/// <summary>
/// How much of the machine a deployment's app may take, how it restarts, how much log it keeps, and how Docker checks
/// it: stored as the user gave it (Docker notation), validated by <see cref="ResourceRules"/>, applied to every way
/// the app runs (Engine API container, systemd unit, vLLM container, process scope, Compose override). Null means
/// no limit (memory, CPU, pids), or the default (restart, logs).
/// </summary>
public sealed record ResourceSettings
{
    public const string DefaultRestartPolicy = "unless-stopped";

    /// <summary>Enough history to debug a crash, small enough that a chatty app cannot fill the disk: 10 MB x 3.</summary>
    public const string DefaultLogMaxSize = "10m";

    public const int DefaultLogMaxFile = 3;

    /// <summary>Hard memory limit, Docker notation (<c>256m</c>, <c>1g</c>); swap is not added on top.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Soft memory floor the kernel tries to leave the app under pressure, Docker notation.</summary>
    public string? MemoryReservation { get; init; }

    /// <summary>CPUs the app may use, e.g. 0.5 for half a core.</summary>
    public decimal? CpuLimit { get; init; }

    /// <summary>Most processes and threads the app may have at once (stops a fork bomb).</summary>
    public long? PidsLimit { get; init; }

    /// <summary><c>no</c>, <c>on-failure[:N]</c>, <c>unless-stopped</c> or <c>always</c>; null means unless-stopped.</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>json-file <c>max-size</c>, Docker notation; null means 10m.</summary>
    public string? LogMaxSize { get; init; }

    /// <summary>json-file <c>max-file</c>; null means 3.</summary>
    public int? LogMaxFile { get; init; }

    /// <summary>The container's HTTP health check; null leaves the image's own HEALTHCHECK in charge.</summary>
    public HealthCheckSettings? HealthCheck { get; init; }

    public string EffectiveRestartPolicy => RestartPolicy ?? DefaultRestartPolicy;

    public string EffectiveLogMaxSize => LogMaxSize ?? DefaultLogMaxSize;

    public int EffectiveLogMaxFile => LogMaxFile ?? DefaultLogMaxFile;

    public long? MemoryLimitBytes => MemoryLimit is null ? null : ByteSize.Parse(MemoryLimit);

    public long? MemoryReservationBytes => MemoryReservation is null ? null : ByteSize.Parse(MemoryReservation);

    /// <summary>The engine's unit for CPUs: billionths of a CPU.</summary>
    public long? NanoCpus => CpuLimit is { } cpus ? (long)(cpus * 1_000_000_000m) : null;

    /// <summary>Whether any limit that caps memory, CPU or processes is set.</summary>
    public bool HasLimits => MemoryLimit is not null || MemoryReservation is not null || CpuLimit is not null || PidsLimit is not null;
}

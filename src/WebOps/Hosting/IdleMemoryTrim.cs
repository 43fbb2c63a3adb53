namespace WebOps.Hosting;

/// <summary>
/// Gives the GC heap's spare memory back to the system once the panel goes quiet after a burst of work. A burst of
/// deploys grows the committed heap to about three times what stays live (35 MB committed for 12 MB live after 20
/// static deploys), and with nothing left to allocate no collection runs that would return it, so the panel kept it
/// while idle. Every <see cref="Interval"/> this looks at the GC's own figures and, when the last interval allocated
/// little and the committed heap holds much more than the last collection kept, runs one aggressive collection, at
/// most once per <see cref="MinSpacing"/>. Nothing on a request or deploy path waits for it.
/// <para>
/// The native heap (<see cref="NativeHeap"/>) is trimmed every interval, so what the panel's native code (SQLite,
/// OpenSSL, the JIT) freed during a burst of work or an idle interval's checks goes back too. That needs no collection
/// and takes a few milliseconds after deploys (0.3 ms once idle), so it neither waits for quiet nor for much to be
/// spare.
/// </para>
/// </summary>
public sealed partial class IdleMemoryTrim(TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>The shortest time between two trims: a busy-then-quiet cycle repeated all day costs one full collection per spacing at most.</summary>
    public static readonly TimeSpan MinSpacing = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Below this much allocated in one interval (about 2 MB/s) the panel counts as quiet: an idle panel allocates
    /// about 4 MB in 15 s with 20 apps and 10 MB with 50 (health checks, usage samples), a deploy far more.
    /// </summary>
    public const long QuietAllocationBytes = 32 << 20;

    /// <summary>Committed heap above the last collection's heap size worth a full collection to give back.</summary>
    public const long SpareBytes = 16 << 20;

    /// <summary>Whether to trim now: quiet over the last interval, enough spare committed memory, and not trimmed too recently.</summary>
    public static bool ShouldTrim(long allocatedInInterval, long committedBytes, long heapSizeBytes, TimeSpan sinceLastTrim) =>
        allocatedInInterval < QuietAllocationBytes && committedBytes - heapSizeBytes >= SpareBytes && sinceLastTrim >= MinSpacing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        var allocated = GC.GetTotalAllocatedBytes();
        var lastTrim = clock.GetTimestamp() - (long)(MinSpacing.TotalSeconds * clock.TimestampFrequency);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = GC.GetTotalAllocatedBytes();
                var info = GC.GetGCMemoryInfo();
                if (ShouldTrim(now - allocated, info.TotalCommittedBytes, info.HeapSizeBytes, clock.GetElapsedTime(lastTrim)))
                {
                    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    lastTrim = clock.GetTimestamp();
                    LogTrimmed(info.TotalCommittedBytes >> 20, GC.GetGCMemoryInfo().TotalCommittedBytes >> 20);
                }

                if (NativeHeap.Available)
                {
                    var started = clock.GetTimestamp();
                    var released = NativeHeap.Trim();
                    LogNativeTrimmed(released, clock.GetElapsedTime(started).TotalMilliseconds);
                }

                allocated = GC.GetTotalAllocatedBytes();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Quiet after a burst of work: gave back GC heap memory, committed {BeforeMb} MB -> {AfterMb} MB")]
    private partial void LogTrimmed(long beforeMb, long afterMb);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Trimmed the native heap (memory given back: {Released}) in {Milliseconds:F1} ms")]
    private partial void LogNativeTrimmed(bool released, double milliseconds);
}

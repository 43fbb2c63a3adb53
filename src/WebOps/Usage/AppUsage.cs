namespace WebOps.Usage;

/// <summary>
/// The newest view of one running app: its last point, or why it is not sampled; and for containers the engine's
/// restart count and whether the kernel killed it for memory (from the inspected state).
/// </summary>
public sealed record AppUsage(UsagePoint? Latest, string? NotSampled, long? Restarts = null, bool? OomKilled = null)
{
    public static AppUsage Unsampled(string reason) => new(null, reason);
}

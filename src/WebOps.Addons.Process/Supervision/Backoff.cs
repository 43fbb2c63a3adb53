namespace WebOps.Addons.Process.Supervision;

/// <summary>
/// Waits between restarts of a crashing app: 1 s, 2 s, 4 s ... at most 60 s. An app that stayed up for 60 s
/// counts as healthy again, so its next crash waits 1 s.
/// </summary>
public static class Backoff
{
    public static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    /// <summary>After this much uptime a crash starts the sequence over.</summary>
    public static readonly TimeSpan ResetAfter = TimeSpan.FromSeconds(60);

    /// <summary>The wait before restart number <paramref name="attempt"/> (1 for the first restart).</summary>
    public static TimeSpan Delay(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return attempt > 7 ? Max : TimeSpan.FromSeconds(Math.Min(Max.TotalSeconds, 1 << (attempt - 1)));
    }

    /// <summary>The attempt number after a crash, given the previous one and how long the app was up.</summary>
    public static int NextAttempt(int previousAttempt, TimeSpan uptime) =>
        uptime >= ResetAfter ? 1 : previousAttempt + 1;
}

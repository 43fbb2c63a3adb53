namespace WebOps.Auth;

/// <summary>What a refused login shows and sends: the page's message and the <c>Retry-After</c> seconds.</summary>
public static class LoginThrottleText
{
    /// <summary>Whole seconds, rounded up, at least 1: a client that waits this long is let through.</summary>
    public static int RetryAfterSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>Says neither which of the two was counted nor whether the account exists.</summary>
    public static string Message(TimeSpan wait) =>
        $"Too many failed logins for this account or address; try again in {Duration(wait)}.";

    /// <summary>Minutes, rounded up; under a minute in seconds, so a short wait is not overstated.</summary>
    public static string Duration(TimeSpan wait)
    {
        var seconds = RetryAfterSeconds(wait);
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }

        var minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }
}

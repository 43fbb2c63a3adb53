namespace WebOps.Core.Resources;

/// <summary>
/// <c>health_check</c> as sent by the API or the form: a path turns the container check on (the other fields have
/// defaults), an empty path turns it off. On update the whole object replaces the stored one.
/// </summary>
public sealed class HealthCheckInput
{
    public string? Path { get; set; }

    public string? Interval { get; set; }

    public string? Timeout { get; set; }

    public int? Retries { get; set; }

    public string? StartPeriod { get; set; }

    /// <summary>The stored form of this (validated) input; null when it turns the check off.</summary>
    public HealthCheckSettings? ToSettings() => string.IsNullOrWhiteSpace(Path)
        ? null
        : new HealthCheckSettings
        {
            Path = Path.Trim(),
            Interval = Given(Interval) ?? HealthCheckSettings.DefaultInterval,
            Timeout = Given(Timeout) ?? HealthCheckSettings.DefaultTimeout,
            Retries = Retries ?? HealthCheckSettings.DefaultRetries,
            StartPeriod = Given(StartPeriod) ?? HealthCheckSettings.DefaultStartPeriod,
        };

    /// <summary>The input that stands for <paramref name="settings"/> (the form shows it, the API returns it).</summary>
    public static HealthCheckInput? From(HealthCheckSettings? settings) => settings is null
        ? null
        : new HealthCheckInput
        {
            Path = settings.Path,
            Interval = settings.Interval,
            Timeout = settings.Timeout,
            Retries = settings.Retries,
            StartPeriod = settings.StartPeriod,
        };

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

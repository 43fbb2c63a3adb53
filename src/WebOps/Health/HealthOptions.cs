namespace WebOps.Health;

/// <summary>Settings of the health monitor, bound from the configuration section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>Time between two sweeps over every running deployment. Container events act at once, between sweeps.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deployments checked at the same time during a sweep.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>History rows kept per deployment; older rows are deleted.</summary>
    public int HistoryPerDeployment { get; set; } = 500;

    /// <summary>When set, a JSON POST goes here each time a deployment turns unhealthy.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long the HTTP probe waits for the app's answer.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long all health_check hooks of one deployment may take together.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

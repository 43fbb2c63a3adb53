namespace WebOps.Usage;

/// <summary>Settings of the resource use sampler, bound from the configuration section <c>Usage</c>.</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>Off: nothing is sampled or stored; the graphs say so and /metrics has no usage figures.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between two samples of every running deployment.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Apps read at the same time. The engine takes about a second per container (it waits for a second CPU
    /// reading), so four at once read 20 apps in about five seconds, within one interval.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;
}

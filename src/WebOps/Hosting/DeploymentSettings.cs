namespace WebOps.Hosting;

/// <summary>Configuration section <c>Deployments</c>.</summary>
public sealed class DeploymentSettings
{
    /// <summary>Accept <c>file://</c> and absolute-path repositories (tests and single-box setups).</summary>
    public bool AllowLocalRepos { get; set; }

    /// <summary>How many different deployments may deploy at once; runs of one deployment never overlap.</summary>
    public int MaxParallel { get; set; } = 2;

    public TimeSpan CloneTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int HostPortRangeStart { get; set; } = 20000;

    public int HostPortRangeEnd { get; set; } = 29999;

    /// <summary>Log lines kept per deployment; older lines are trimmed after each run.</summary>
    public int MaxLogLines { get; set; } = 20000;

    /// <summary>
    /// After a redeploy switched the edge to the new release, the longest the old one keeps running so the requests it
    /// already took can finish; it stops sooner once the edge counts no request in flight to it.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

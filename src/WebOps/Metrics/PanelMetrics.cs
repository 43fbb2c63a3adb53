using Prometheus;

namespace WebOps.Metrics;

/// <summary>
/// The panel's Prometheus collectors, in a registry of this panel's own (not the process-wide default, so two panels
/// in one process never mix their figures). Labels: the deployment's name, plus small fixed sets (status, health,
/// result, hook event, addon).
/// </summary>
public sealed class PanelMetrics
{
    private static readonly double[] DeployBuckets = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200];
    private static readonly double[] HookBuckets = [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600];

    public PanelMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var f = Prometheus.Metrics.WithCustomRegistry(Registry);
        string[] byDeployment = ["deployment"];
        Status = f.CreateGauge("webops_deployment_status", "1 for the deployment's current status, 0 for the others.", ["deployment", "status"]);
        Health = f.CreateGauge("webops_deployment_health", "1 for the deployment's current health, 0 for the others.", ["deployment", "health"]);
        Cpu = f.CreateGauge("webops_deployment_cpu_percent", "CPU use at the last sample, in percent of one core.", byDeployment);
        Memory = f.CreateGauge("webops_deployment_memory_bytes", "Memory in use at the last sample (page cache not counted).", byDeployment);
        MemoryLimit = f.CreateGauge("webops_deployment_memory_limit_bytes", "The container's memory limit; absent without one.", byDeployment);
        Restarts = f.CreateGauge("webops_deployment_restarts", "Times the engine restarted the current container.", byDeployment);
        OomKilled = f.CreateGauge("webops_deployment_oom_killed", "1 when the kernel last killed the current container for lack of memory.", byDeployment);
        Deploys = f.CreateCounter("webops_deploys_total", "Finished deploy and rollback runs.", ["deployment", "result"]);
        DeployDuration = f.CreateHistogram(
            "webops_deploy_duration_seconds",
            "How long deploy and rollback runs took.",
            new HistogramConfiguration { LabelNames = ["deployment", "result"], Buckets = DeployBuckets });
        HookDuration = f.CreateHistogram(
            "webops_hook_duration_seconds",
            "How long addon hooks ran.",
            new HistogramConfiguration { LabelNames = ["event", "addon"], Buckets = HookBuckets });
    }

    public CollectorRegistry Registry { get; }

    public Gauge Status { get; }

    public Gauge Health { get; }

    public Gauge Cpu { get; }

    public Gauge Memory { get; }

    public Gauge MemoryLimit { get; }

    public Gauge Restarts { get; }

    public Gauge OomKilled { get; }

    public Counter Deploys { get; }

    public Histogram DeployDuration { get; }

    public Histogram HookDuration { get; }

    /// <summary>Drops the series of deployments not in <paramref name="keep"/> (deleted, or no longer sampled).</summary>
    public static void KeepOnly(Gauge gauge, IReadOnlySet<string> keep)
    {
        foreach (var labels in gauge.GetAllLabelValues().Where(l => !keep.Contains(l[0])).ToList())
        {
            gauge.RemoveLabelled(labels);
        }
    }
}

using System.Diagnostics.Metrics;

namespace WebOps.Metrics;

/// <summary>Each finished deploy or rollback as a .NET metric (meter <c>WebOps.Deploys</c>): its duration, deployment and result.</summary>
public static class DeployMeter
{
    public const string MeterName = "WebOps.Deploys";
    public const string DurationName = "webops.deploy.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationName, "s", "How long one deploy run took");

    public static void Record(string deployment, string? result, TimeSpan took) =>
        Duration.Record(took.TotalSeconds, new("deployment", deployment), new("result", result ?? "unknown"));
}

namespace WebOps.Usage;

/// <summary>
/// <c>GET /api/deployments/{name}/usage</c>: the newest point, why the app is not sampled (null when it is), and the
/// range's points. <c>step_seconds</c> is the spacing of the points: the sampling interval, or 300 for 30d.
/// </summary>
public sealed record UsageDto(
    string Name,
    string Range,
    int StepSeconds,
    bool Enabled,
    string? NotSampled,
    UsagePointDto? Latest,
    UsageSeriesDto Points);

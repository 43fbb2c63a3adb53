using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Api;
using WebOps.Core.Validation;
using WebOps.Data;

namespace WebOps.Usage;

/// <summary><c>GET /api/deployments/{name}/usage?range=1h|24h|30d</c>: a deployment's resource use over a range.</summary>
public static class UsageApi
{
    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/deployments/{name}/usage", GetAsync).WithTags("Usage");
        return app;
    }

    private static async Task<IResult> GetAsync(
        string name, HttpRequest request, WebOpsDbContext db, UsageLatest latest, IOptions<UsageOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var range = UsageRange.Parse(request.Query["range"], errors);
        if (range is null)
        {
            return QueryValues.Refusal(errors);
        }

        if (await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var points = await UsageStore.ReadAsync(db, d.Id, range, clock.GetUtcNow().ToUnixTimeSeconds(), ct);
        return ApiResults.Ok(View(d.Name, range, points, latest.Get(d.Id), options.Value));
    }

    /// <summary>The answer, also rendered by the detail page before any script runs.</summary>
    public static UsageDto View(string name, UsageRange range, IReadOnlyList<UsagePoint> points, AppUsage? now, UsageOptions options)
    {
        var newest = now?.Latest ?? (range.Rollup || points.Count == 0 ? null : points[^1]);
        var reason = !options.Enabled ? "not sampled: usage sampling is off (Usage:Enabled)" : now?.NotSampled;
        return new UsageDto(
            name,
            range.Name,
            range.Rollup ? UsageRollup.BucketSeconds : (int)Math.Round(options.Interval.TotalSeconds),
            options.Enabled,
            reason,
            newest is null ? null : UsagePointDto.From(newest),
            UsageSeriesDto.From(points));
    }
}

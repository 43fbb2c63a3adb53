using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Addons;
using WebOps.Core.Addons;
using WebOps.Core.Health;
using WebOps.Core.Runtime;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Health;
using WebOps.Hosting;
using WebOps.Proxy;

namespace WebOps.Api;

/// <summary><c>/healthz</c> (public) and a deployment's health and probe settings under <c>/api/deployments/{name}</c>.</summary>
public static class HealthApi
{
    private const int DefaultHistory = 50;
    private const int MaxHistory = 500;

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", HealthzAsync).AllowAnonymous().WithTags("Health");
        var api = app.MapGroup("/api/deployments/{name}").WithTags("Health");
        api.MapGet("/health", GetHealthAsync);
        api.MapGet("/health-settings", GetSettingsAsync);
        api.MapPut("/health-settings", PutSettingsAsync);
        return app;
    }

    private static async Task<IResult> HealthzAsync(
        DatabaseProbe database, IEnumerable<IRuntimeEventSource> sources, AddonRegistry registry, ProxyStatus proxy,
        ComposeCliCheck compose, StartupRecovery recovery, CancellationToken ct)
    {
        var (ok, report) = await PanelHealth.CheckAsync(database, sources, registry, proxy.Text, recovery.IsFinished, ct);
        if (registry.IsInUse(PanelHealth.DockerAddon))
        {
            // Compose deployments belong to the Docker addon: with it off, /healthz says nothing of Docker.
            report = report with { Compose = await compose.DescribeAsync(ct) };
        }

        return ok ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> GetHealthAsync(string name, HttpRequest request, WebOpsDbContext db, CancellationToken ct)
    {
        var errors = new List<Core.Validation.FieldError>();
        var limit = QueryValues.Read(request, "limit", 1, MaxHistory, errors);
        if (errors.Count > 0)
        {
            return QueryValues.Refusal(errors);
        }

        if (await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var history = await HealthHistoryStore.LatestAsync(db, d.Id, (int)(limit ?? DefaultHistory), ct);
        return ApiResults.Ok(new DeploymentHealthDto(
            d.Name, d.Status.ToString().ToLowerInvariant(), d.Health.ToString().ToLowerInvariant(), [.. history.Select(HealthEntryDto.From)]));
    }

    private static async Task<IResult> GetSettingsAsync(string name, WebOpsDbContext db, CancellationToken ct)
    {
        if (await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        return ApiResults.Ok(HealthSettingsDto.From(await db.HealthSettings.FindAsync([d.Id], ct)));
    }

    private static async Task<IResult> PutSettingsAsync(
        string name, HttpRequest request, WebOpsDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var (input, error) = await ApiResults.ReadJsonAsync<HealthSettingsDto>(request, json.Value.SerializerOptions);
        if (error is not null)
        {
            return error;
        }

        var errors = HealthSettingsRules.Validate(input!.Path, input.ExpectedStatus, input.Host);
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var settings = await db.HealthSettings.FindAsync([d.Id], ct);
        if (settings is null)
        {
            settings = new DeploymentHealthSettings { DeploymentId = d.Id };
            db.HealthSettings.Add(settings);
        }

        settings.Path = input.Path;
        settings.ExpectedStatus = input.ExpectedStatus;
        settings.Host = input.Host;
        await db.SaveChangesAsync(ct);
        return ApiResults.Ok(HealthSettingsDto.From(settings));
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Runtime;
using WebOps.Core.Validation;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Proxy;

namespace WebOps.Api;

/// <summary>REST endpoints for deployments under <c>/api/deployments</c>.</summary>
public static class DeploymentsApi
{
    public static IEndpointRouteBuilder MapDeploymentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deployments").WithTags("Deployments");
        api.MapGet("/", ListAsync);
        api.MapPost("/", CreateAsync);
        api.MapGet("/{name}", GetAsync);
        api.MapMethods("/{name}", ["PATCH"], PatchAsync);
        api.MapDelete("/{name}", DeleteAsync);
        api.MapGet("/{name}/logs", LogsAsync);
        api.MapGet("/{name}/runs", RunsAsync);
        api.MapGet("/{name}/runtime-logs", RuntimeLogsAsync);
        // 202 with the run that will deploy: a new one, or the one an earlier request queued that has not started yet.
        api.MapPost("/{name}/deploy", (string name, DeploymentService s, CancellationToken ct) =>
            ActAsync(name, s, async d => TypedResults.Accepted((string?)null, DeployRunDto.From((await s.QueueDeployAsync(d, ct)).Run)), ct));
        api.MapPost("/{name}/start", (string name, DeploymentService s, CancellationToken ct) =>
            ActAsync(name, s, async d => { await s.StartAsync(d, ct); return Dto(d, s); }, ct));
        api.MapPost("/{name}/stop", (string name, DeploymentService s, CancellationToken ct) =>
            ActAsync(name, s, async d => { await s.StopAsync(d, ct); return Dto(d, s); }, ct));
        api.MapPost("/{name}/restart", (string name, DeploymentService s, CancellationToken ct) =>
            ActAsync(name, s, async d => { await s.RestartAsync(d, ct); return Dto(d, s); }, ct));
        return app;
    }

    private static async Task<IResult> ListAsync(WebOpsDbContext db, DeploymentService s, CancellationToken ct) =>
        ApiResults.Ok((await db.Deployments.OrderBy(d => d.Name).ToListAsync(ct)).Select(d => DeploymentDto.From(d, reveal: false, s.PublicUrls(d))));

    private static async Task<IResult> GetAsync(
        string name, HttpRequest request, DeploymentService s, CertificateReader certificates, Addons.Docker.Swarm.Services.SwarmServices swarm, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var reveal = QueryValues.Flag(request, "reveal", errors);
        if (errors.Count > 0)
        {
            return QueryValues.Refusal(errors);
        }

        return await s.FindAsync(name, ct) is { } d
            ? ApiResults.Ok(DeploymentDto.From(d, reveal, s.PublicUrls(d)) with
            {
                Certificates = [.. (await certificates.OfAsync(d, ct)).Select(CertificateDto.From)],
                Services = [.. (await s.ServicesAsync(d, ct)).Select(ServiceStateDto.From)],
                Tasks = (await swarm.TaskRowsOfAsync(d, ct))?.Select(SwarmTaskDto.From).ToList(),
            })
            : ApiResults.NotFound(name);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, DeploymentService s, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (input, error) = await ApiResults.ReadJsonAsync<DeploymentInput>(request, json.Value.SerializerOptions);
        if (error is not null)
        {
            return error;
        }

        return await ApiResults.GuardAsync(async () =>
        {
            var d = await s.CreateAsync(input!, ct);
            return TypedResults.Created($"/api/deployments/{d.Name}", DeploymentDto.From(d, reveal: false, s.PublicUrls(d)));
        });
    }

    private static async Task<IResult> PatchAsync(string name, HttpRequest request, DeploymentService s, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var (input, error) = await ApiResults.ReadJsonAsync<DeploymentInput>(request, json.Value.SerializerOptions);
        return error ?? await ApiResults.GuardAsync(async () =>
        {
            await s.UpdateAsync(d, input!, ct);
            return Dto(d, s);
        });
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, DeploymentService s, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var options = new RemoveOptions(
            Images: QueryValues.Flag(request, "remove_images", errors),
            Volumes: QueryValues.Flag(request, "remove_volumes", errors));
        return errors.Count > 0
            ? QueryValues.Refusal(errors)
            : await ActAsync(name, s, async d =>
            {
                await s.DeleteAsync(d, options, ct);
                return TypedResults.NoContent();
            }, ct);
    }

    private static async Task<IResult> LogsAsync(string name, HttpRequest request, DeploymentService s, WebOpsDbContext db, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var run = QueryValues.Read(request, "run", 1, int.MaxValue, errors);
        var after = QueryValues.Read(request, "after", 0, long.MaxValue, errors);
        var limit = QueryValues.Read(request, "limit", 1, 20000, errors);
        if (errors.Count > 0)
        {
            return QueryValues.Refusal(errors);
        }

        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var q = db.DeploymentLogs.Where(l => l.DeploymentId == d.Id && l.Id > (after ?? 0));
        if (run is not null)
        {
            q = q.Where(l => l.DeployRunId == run);
        }

        var lines = await q.OrderByDescending(l => l.Id).Take((int)(limit ?? 5000)).ToListAsync(ct);
        return ApiResults.Ok(lines.OrderBy(l => l.Id).Select(DeploymentLogSink.ToLine));
    }

    private static async Task<IResult> RunsAsync(string name, DeploymentService s, WebOpsDbContext db, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var runs = await db.DeployRuns.Where(r => r.DeploymentId == d.Id).OrderByDescending(r => r.Id).Take(50).ToListAsync(ct);
        return ApiResults.Ok(runs.Select(DeployRunDto.From));
    }

    private static async Task<IResult> RuntimeLogsAsync(string name, HttpRequest request, DeploymentService s, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var tail = QueryValues.Read(request, "tail", 1, 10000, errors);
        var service = request.Query["service"].FirstOrDefault();
        return errors.Count > 0
            ? QueryValues.Refusal(errors)
            : await ActAsync(name, s, async d =>
            {
                var lines = await s.RuntimeLogsAsync(d, (int)(tail ?? 200), ct, service);
                return ApiResults.Ok(lines.Select(l => new { time = l.Time, stream = l.Stream, text = l.Text }));
            }, ct);
    }

    private static async Task<IResult> ActAsync(string name, DeploymentService s, Func<Core.Deployments.Deployment, Task<IResult>> action, CancellationToken ct) =>
        await s.FindAsync(name, ct) is { } d ? await ApiResults.GuardAsync(() => action(d)) : ApiResults.NotFound(name);

    private static IResult Dto(Core.Deployments.Deployment d, DeploymentService s) => ApiResults.Ok(DeploymentDto.From(d, reveal: false, s.PublicUrls(d)));
}

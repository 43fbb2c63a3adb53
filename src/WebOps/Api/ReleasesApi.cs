using System.Text.Json;
using Microsoft.Extensions.Options;
using WebOps.Core.Validation;
using WebOps.Deploys;

namespace WebOps.Api;

/// <summary>A deployment's releases and rolling back to one, under <c>/api/deployments/{name}</c>.</summary>
public static class ReleasesApi
{
    public static IEndpointRouteBuilder MapReleasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deployments").WithTags("Releases");
        api.MapGet("/{name}/releases", ListAsync);
        // 202 with the run that will roll back, queued like a deploy.
        api.MapPost("/{name}/rollback", RollbackAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string name, DeploymentService s, ReleaseCatalog releases, CancellationToken ct) =>
        await s.FindAsync(name, ct) is { } d
            ? ApiResults.Ok((await releases.ListAsync(d, ct)).Select(r => ReleaseDto.From(r.Release, r.ImagePresent)))
            : ApiResults.NotFound(name);

    private static async Task<IResult> RollbackAsync(
        string name, HttpRequest request, DeploymentService s, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var (body, error) = await ReadAsync(request, json.Value.SerializerOptions, ct);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var ticket = await s.QueueRollbackAsync(d, body?.Run, ct);
            return TypedResults.Accepted((string?)null, DeployRunDto.From(ticket.Run));
        }
        catch (ValidationFailedException e)
        {
            return Refused(e.Errors);
        }
        catch (ActionRefusedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: 409, title: "Cannot roll back now");
        }
    }

    /// <summary>No body (or only whitespace) is the default rollback; anything else must be <c>{"run": N}</c>.</summary>
    private static async Task<(RollbackRequest? Body, IResult? Error)> ReadAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        if (request.ContentLength is > 1_000_000)
        {
            return (null, Refused([new FieldError("body", "is larger than 1 MB")]));
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<RollbackRequest>(text, options), null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Refused([new FieldError(field, "send {\"run\": N} with the run number of a release, or no body for the release before the current one")]));
        }
    }

    private static IResult Refused(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors),
            title: "Cannot roll back: fix the fields listed in errors.");
}

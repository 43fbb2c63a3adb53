using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Core.Deployments;
using WebOps.Core.Llm;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Deploys;

namespace WebOps.Api;

/// <summary>
/// The LLM settings of an <c>llm</c> deployment under <c>/api/deployments/{name}/llm</c>. The Hugging Face token is
/// masked unless <c>?reveal=true</c>; a PUT without <c>hf_token</c> keeps it, an empty one removes it.
/// </summary>
public static class LlmApi
{
    public static IEndpointRouteBuilder MapLlmApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/deployments").WithTags("LLM");
        api.MapGet("/{name}/llm", GetAsync);
        api.MapPut("/{name}/llm", PutAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(
        string name, HttpRequest request, DeploymentService s, WebOpsDbContext db, IOptions<LlmOptions> llm, CancellationToken ct)
    {
        var errors = new List<Core.Validation.FieldError>();
        var reveal = QueryValues.Flag(request, "reveal", errors);
        if (errors.Count > 0)
        {
            return QueryValues.Refusal(errors);
        }

        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        if (NotLlm(d) is { } refused)
        {
            return refused;
        }

        var row = await db.LlmSettings.AsNoTracking().SingleOrDefaultAsync(x => x.DeploymentId == d.Id, ct);
        return ApiResults.Ok(Dto(row?.ToSettings(), reveal, llm.Value));
    }

    private static async Task<IResult> PutAsync(
        string name, HttpRequest request, DeploymentService s, WebOpsDbContext db, IOptions<LlmOptions> llm,
        IOptions<DockerOptions> docker, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        if (NotLlm(d) is { } refused)
        {
            return refused;
        }

        var (input, error) = await ApiResults.ReadJsonAsync<LlmSettingsInput>(request, json.Value.SerializerOptions);
        if (error is not null)
        {
            return error;
        }

        // A form sends back the masked token it was shown: that keeps the saved one.
        input = input!.HfToken == DeploymentInputMapper.Mask ? input with { HfToken = null } : input;
        var row = await db.LlmSettings.SingleOrDefaultAsync(x => x.DeploymentId == d.Id, ct);
        var (settings, errors) = LlmSettingsValidator.Validate(input, row?.HfToken, docker.Value.DeniedHostPaths);
        if (settings is null)
        {
            return ApiResults.Validation(errors);
        }

        if (row is null)
        {
            row = new DeploymentLlmSettings { DeploymentId = d.Id, Model = settings.Model, Dtype = settings.Dtype, Gpus = "", CacheVolume = "" };
            db.LlmSettings.Add(row);
        }

        row.Apply(settings, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ApiResults.Ok(Dto(settings, reveal: false, llm.Value));
    }

    private static IResult? NotLlm(Deployment d) =>
        d.ProjectType == ProjectType.Llm
            ? null
            : TypedResults.Problem(
                $"Deployment '{d.Name}' has project_type {DeploymentDto.Lower(d.ProjectType)}; LLM settings belong to llm deployments. "
                + $"Set its project_type to llm (PATCH /api/deployments/{d.Name}), then save them.",
                statusCode: 409,
                title: "Not an LLM deployment");

    /// <summary>The settings as the API shows them; <c>configured</c> is false (and defaults shown) until the first PUT.</summary>
    private static object Dto(LlmSettings? settings, bool reveal, LlmOptions options)
    {
        var shown = settings ?? new LlmSettings { Model = "" };
        return new
        {
            configured = settings is not null,
            model = settings?.Model,
            served_model_name = shown.ServedModelName,
            effective_served_model_name = settings?.EffectiveServedModelName,
            gpu_memory_utilization = shown.GpuMemoryUtilization,
            quantization = shown.Quantization ?? LlmChoices.NoQuantization,
            max_model_len = shown.MaxModelLen,
            dtype = shown.Dtype,
            tensor_parallel_size = shown.TensorParallelSize,
            gpus = shown.Gpus.ToString(),
            cache_volume = shown.CacheVolume,
            hf_token = shown.HfToken is null ? null : reveal ? shown.HfToken : DeploymentInputMapper.Mask,
            image = options.Image,
            start_period_seconds = (long)options.StartPeriod.TotalSeconds,
            start_period = options.StartPeriod.ToString("c", CultureInfo.InvariantCulture),
        };
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Core.Llm;
using WebOps.Core.Validation;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Deploys;

namespace WebOps.Llm;

/// <summary>
/// The panel's forms read, check and save a deployment's LLM settings here, with the same rules as
/// <c>PUT /api/deployments/{name}/llm</c>: checking and saving are separate so a form can check everything first.
/// </summary>
public sealed class LlmSettingsService(WebOpsDbContext db, IOptions<DockerOptions> docker, TimeProvider clock)
{
    /// <summary>The saved settings (token in plain text), or null before the first save.</summary>
    public async Task<LlmSettings?> FindAsync(int deploymentId, CancellationToken ct)
    {
        var row = await db.LlmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DeploymentId == deploymentId, ct);
        return row?.ToSettings();
    }

    /// <summary>Checks the input against the saved token (the mask keeps it); the errors name <c>llm.*</c> fields.</summary>
    public (LlmSettings? Settings, IReadOnlyList<FieldError> Errors) Validate(LlmSettingsInput input, string? savedToken)
    {
        var kept = input.HfToken == DeploymentInputMapper.Mask ? input with { HfToken = null } : input;
        return LlmSettingsValidator.Validate(kept, savedToken, docker.Value.DeniedHostPaths);
    }

    /// <summary>Saves settings that <see cref="Validate"/> accepted, creating the row on the first save.</summary>
    public async Task SaveAsync(int deploymentId, LlmSettings settings, CancellationToken ct)
    {
        var row = await db.LlmSettings.SingleOrDefaultAsync(s => s.DeploymentId == deploymentId, ct);
        if (row is null)
        {
            row = new DeploymentLlmSettings { DeploymentId = deploymentId, Model = settings.Model, Dtype = settings.Dtype, Gpus = "", CacheVolume = "" };
            db.LlmSettings.Add(row);
        }

        row.Apply(settings, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}

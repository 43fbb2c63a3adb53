using Microsoft.EntityFrameworkCore;
using WebOps.Core.Llm;
using WebOps.Data;

namespace WebOps.Llm;

/// <summary>Reads a deployment's LLM settings for the deploy hooks, in a scope of its own (hooks are singletons).</summary>
public sealed class LlmSettingsStore(IServiceScopeFactory scopes) : ILlmSettingsSource
{
    public async Task<LlmSettings?> FindAsync(int deploymentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var row = await db.LlmSettings.AsNoTracking().SingleOrDefaultAsync(s => s.DeploymentId == deploymentId, cancellationToken);
        return row?.ToSettings();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>Keeps the newest <c>Deployments:MaxLogLines</c> lines of a deployment's log, so a busy app cannot fill the disk.</summary>
public sealed class DeploymentLogTrimmer(WebOpsDbContext db, IOptions<DeploymentSettings> settings)
{
    public async Task TrimAsync(int deploymentId)
    {
        var cutoff = await db.DeploymentLogs.Where(l => l.DeploymentId == deploymentId)
            .OrderByDescending(l => l.Id).Skip(settings.Value.MaxLogLines).Select(l => (long?)l.Id).FirstOrDefaultAsync();
        if (cutoff is not null)
        {
            await db.DeploymentLogs.Where(l => l.DeploymentId == deploymentId && l.Id <= cutoff).ExecuteDeleteAsync();
        }
    }
}

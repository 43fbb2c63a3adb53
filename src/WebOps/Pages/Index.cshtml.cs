using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Pages;

public sealed class IndexModel(WebOpsDbContext db) : PageModel
{
    public IReadOnlyList<Row> Deployments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var deployments = await db.Deployments.AsNoTracking().ToListAsync(ct);
        // The newest run has the highest id; SQLite cannot take Max() of a DateTimeOffset column.
        var lastIds = await db.DeployRuns.AsNoTracking().GroupBy(r => r.DeploymentId).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
        var last = (await db.DeployRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToListAsync(ct))
            .ToDictionary(r => r.DeploymentId, r => r.QueuedAt);
        Deployments = [.. deployments
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new Row(d, last.TryGetValue(d.Id, out var t) ? t : (DateTimeOffset?)null))];
    }

    /// <summary>One dashboard line: the deployment and when its last deploy was queued.</summary>
    public sealed record Row(Deployment Deployment, DateTimeOffset? LastDeploy);
}

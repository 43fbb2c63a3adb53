using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Validation;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Pages.Audit;

/// <summary>The audit log, newest first, filtered by deployment (or other object) and action, a page at a time.</summary>
public sealed class IndexModel(WebOpsDbContext db) : PageModel
{
    public AuditQuery Query { get; private set; } = AuditQuery.Newest;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>The <c>before</c> of the next, older page; null on the last page.</summary>
    public long? NextBefore { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The deployments now, offered as filter choices; entries of deleted ones are found by typing the name.</summary>
    public IReadOnlyList<string> DeploymentNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Query, Errors) = AuditQuery.Parse(Request);
        DeploymentNames = await db.Deployments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(ct);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var result = await AuditResult.FindAsync(db, Query, ct);
        (Entries, NextBefore) = (result.Entries, result.NextBefore);
    }

    /// <summary>The link to the next page: the same filters, older entries.</summary>
    public string OlderLink(long before) => QueryLink(before);

    /// <summary>The first page with the same filters.</summary>
    public string NewestLink() => QueryLink(null);

    private string QueryLink(long? before)
    {
        var parts = new Dictionary<string, string?>
        {
            ["action"] = Query.Action,
            ["actor"] = Query.Actor,
            ["target"] = Query.Target,
            ["limit"] = Query.Limit == AuditQuery.DefaultLimit ? null : Query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/audit", parts.Where(p => p.Value is not null));
    }
}

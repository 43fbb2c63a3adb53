using Microsoft.EntityFrameworkCore;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Audit;

/// <summary>One page of the audit log, newest first, and the <c>before</c> that gives the next (older) page, if any.</summary>
public sealed record AuditResult(IReadOnlyList<AuditEntry> Entries, long? NextBefore)
{
    public static async Task<AuditResult> FindAsync(WebOpsDbContext db, AuditQuery query, CancellationToken ct)
    {
        var found = await query.ApplyTo(db.AuditLog.AsNoTracking()).ToListAsync(ct);
        return found.Count > query.Limit
            ? new AuditResult(found[..query.Limit], found[query.Limit - 1].Id)
            : new AuditResult(found, null);
    }
}

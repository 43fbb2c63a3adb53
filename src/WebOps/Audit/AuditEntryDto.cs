using WebOps.Data.Entities;

namespace WebOps.Audit;

/// <summary>An audit entry as <c>GET /api/audit</c> shows it.</summary>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset Time, string Actor, string ActorKind, string Action, string? Target, string? Details, string? Address)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Id, e.Time, e.Actor, e.ActorKind, e.Action, e.Target, e.Details, e.Address);
}

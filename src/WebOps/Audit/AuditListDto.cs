namespace WebOps.Audit;

/// <summary>The answer of <c>GET /api/audit</c>: entries newest first; pass <c>next_before</c> as <c>before</c> for older ones (null: no more).</summary>
public sealed record AuditListDto(IReadOnlyList<AuditEntryDto> Entries, long? NextBefore)
{
    public static AuditListDto From(AuditResult result) => new([.. result.Entries.Select(AuditEntryDto.From)], result.NextBefore);
}

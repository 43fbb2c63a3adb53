namespace WebOps.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Days an entry is kept; older entries are deleted by the hourly cleanup.</summary>
    public int RetentionDays { get; set; } = 90;
}

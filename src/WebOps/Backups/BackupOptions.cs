namespace WebOps.Backups;

/// <summary>Settings of section <c>Backup</c>: scheduled archives under the data folder.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>How often the panel writes a backup; none when unset (the default).</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>How many scheduled backups are kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Where scheduled backups go, relative to the data folder unless absolute.</summary>
    public string Folder { get; set; } = "backups";
}

namespace WebOps.Backups;

/// <summary>
/// <c>webops-backup.json</c>, the first entry of every archive: what made it, when, and the SHA-256 of each file, so a
/// restore can prove the archive is whole before a panel starts on it.
/// </summary>
public sealed record BackupManifest(int Version, DateTimeOffset CreatedAt, string PanelVersion, IReadOnlyDictionary<string, string> Files)
{
    public const string EntryName = "webops-backup.json";

    /// <summary>The archive layout this panel writes and reads.</summary>
    public const int CurrentVersion = 1;
}

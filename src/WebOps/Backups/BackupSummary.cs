namespace WebOps.Backups;

/// <summary>What a backup wrote: the archive, how many files it holds, its size and the moment it shows.</summary>
public sealed record BackupSummary(string Path, int Files, long Bytes, DateTimeOffset TakenAt);

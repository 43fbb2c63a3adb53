namespace WebOps.Backups;

/// <summary>Names of the panel's own backup files, and which of them to delete so only the newest are kept.</summary>
public static class BackupFiles
{
    private const string Prefix = "webops-";
    private const string Suffix = ".tar.gz";

    /// <summary><c>webops-20261201-173000.tar.gz</c>: sorts by time as text.</summary>
    public static string NameFor(DateTimeOffset time) => $"{Prefix}{time.UtcDateTime:yyyyMMdd-HHmmss}{Suffix}";

    /// <summary>The files of <paramref name="names"/> beyond the newest <paramref name="keep"/>; files of other names are never chosen.</summary>
    public static IReadOnlyList<string> Surplus(IEnumerable<string> names, int keep) =>
        [.. names.Where(IsOurs).OrderByDescending(n => n, StringComparer.Ordinal).Skip(Math.Max(keep, 0))];

    private static bool IsOurs(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(Suffix, StringComparison.Ordinal)
        && name.Length == NameFor(DateTimeOffset.UnixEpoch).Length;
}

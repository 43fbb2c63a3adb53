namespace WebOps.Backups;

/// <summary>
/// Which parts of the data folder a backup holds: the database, the Data Protection keys (without them no secret
/// decrypts), and the edge's state (certificates, ACME account, start-up config). Checkouts, release folders and logs are
/// left out: a redeploy makes them again.
/// </summary>
public static class BackupContents
{
    public const string Database = "webops.db";

    public const string KeysFolder = "keys";

    public const string ProxyFolder = "proxy";

    /// <summary>Files of the proxy folder that are not state: the log, the pid, Caddy's locks and half-written temporaries.</summary>
    public static bool IsProxyState(string relativePath)
    {
        var name = Path.GetFileName(relativePath);
        var top = relativePath.Split('/')[0];
        return top != "locks"
            && !name.StartsWith("caddy.log", StringComparison.Ordinal)
            && name != "caddy.pid"
            && !name.EndsWith(".tmp", StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether an archive entry may be restored: a relative path without <c>..</c> under one of the parts above.
    /// Anything else in an archive is refused, so a crafted file cannot write outside the target folder.
    /// </summary>
    public static bool IsAllowedEntry(string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.Contains('\\') || name.Contains('\0'))
        {
            return false;
        }

        var parts = name.Split('/');
        if (parts.Any(p => p is "" or "." or ".."))
        {
            return false;
        }

        return name is Database or BackupManifest.EntryName
            || (parts.Length > 1 && parts[0] is KeysFolder or ProxyFolder);
    }
}

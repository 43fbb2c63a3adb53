namespace WebOps.Deploys;

/// <summary>
/// Where a deployment's previous checkout goes when a redeploy clones afresh: moved aside at once (a rename in the same
/// folder) and deleted in the background, so the clone does not wait for a tree of build leftovers to be removed.
/// Checkouts set aside by a panel that stopped before deleting them go with the next one.
/// </summary>
public static class GitCheckoutTrash
{
    /// <summary>A sibling of the checkouts no deployment name can take (names start with a letter or digit).</summary>
    public const string FolderName = ".replaced";

    /// <summary>Moves <paramref name="workFolder"/> aside and starts deleting everything set aside; returns that deletion.</summary>
    public static Task SetAside(string workFolder)
    {
        var trash = Path.Combine(Path.GetDirectoryName(workFolder)!, FolderName);
        try
        {
            Directory.CreateDirectory(trash);
            Directory.Move(workFolder, Path.Combine(trash, $"{Path.GetFileName(workFolder)}-{Guid.NewGuid():N}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It cannot be moved (e.g. a file in it is held open): deleted in place, as before, so the clone starts clean.
            Directory.Delete(workFolder, recursive: true);
        }

        return Task.Run(() => Empty(trash));
    }

    private static void Empty(string trash)
    {
        string[] folders;
        try
        {
            folders = Directory.GetDirectories(trash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // The data folder went away meanwhile (a removed test folder, a moved install): nothing to delete.
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another deploy's deletion got there first, or a file is held open: the next redeploy tries again.
            }
        }
    }
}

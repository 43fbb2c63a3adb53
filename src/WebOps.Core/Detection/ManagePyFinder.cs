namespace WebOps.Core.Detection;

/// <summary>Finds manage.py files at the root and up to three folders down, shallowest first, then by path.
/// The walk stops after <see cref="CheckoutFiles.MaxWalkedDirectories"/> folders.</summary>
internal static class ManagePyFinder
{
    private const int MaxDepth = 3;

    public static List<string> Find(CheckoutFiles files)
    {
        var found = new List<string>();
        var level = new List<string> { "." };
        var visited = 0;
        for (var depth = 0; depth <= MaxDepth && level.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var dir in level)
            {
                if (++visited > CheckoutFiles.MaxWalkedDirectories)
                {
                    return found;
                }

                if (files.ListFiles(dir).Contains("manage.py"))
                {
                    found.Add(RelativePath.Join(dir, "manage.py"));
                }

                if (depth < MaxDepth)
                {
                    next.AddRange(files.ListDirectories(dir)
                        .Where(d => !SkippedDirectories.Contains(d))
                        .Select(d => RelativePath.Join(dir, d)));
                }
            }

            level = next;
        }

        return found;
    }
}

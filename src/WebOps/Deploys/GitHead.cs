namespace WebOps.Deploys;

/// <summary>
/// The commit a fresh clone checked out, read from its <c>.git</c> folder instead of starting <c>git rev-parse</c>
/// (a process per deploy). Null when the layout is not the plain one a clone writes; the caller then asks git.
/// </summary>
public static class GitHead
{
    public static string? TryRead(string workFolder)
    {
        var git = Path.Combine(workFolder, ".git");
        var head = ReadLine(Path.Combine(git, "HEAD"));
        if (head is null)
        {
            return null;
        }

        if (!head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            return IsSha(head) ? head : null;
        }

        var name = head["ref: ".Length..];
        if (!name.StartsWith("refs/", StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        if (ReadLine(Path.Combine(git, name)) is { } loose)
        {
            return IsSha(loose) ? loose : null;
        }

        var packed = Path.Combine(git, "packed-refs");
        if (!File.Exists(packed))
        {
            return null;
        }

        foreach (var line in File.ReadLines(packed))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && parts[1] == name && IsSha(parts[0]))
            {
                return parts[0];
            }
        }

        return null;
    }

    private static string? ReadLine(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    private static bool IsSha(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);
}

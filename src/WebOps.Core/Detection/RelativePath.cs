namespace WebOps.Core.Detection;

/// <summary>Checkout-relative paths as detection reports them: forward slashes, "." for the root.</summary>
internal static class RelativePath
{
    public static string Join(string dir, string name) => dir == "." ? name : $"{dir}/{name}";

    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }

    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The folder and each of its ancestors up to the root: "a/b" gives "a/b", "a", ".".</summary>
    public static IEnumerable<string> SelfAndAncestors(string dir)
    {
        var current = dir;
        while (current != ".")
        {
            yield return current;
            current = Parent(current);
        }

        yield return ".";
    }

    /// <summary>Tidies a path typed by a user or written in a repo file ("./docker\\Dockerfile/" becomes
    /// "docker/Dockerfile"); "." for the root. Does not check it stays inside: <see cref="CheckoutFiles"/> does.</summary>
    public static string Normalize(string path)
    {
        var parts = path.Trim().Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p != ".");
        var joined = string.Join('/', parts);
        return joined.Length == 0 ? "." : joined;
    }

    /// <summary>Resolves "a/../b" style segments; null when the path climbs above the root.</summary>
    public static string? Collapse(string path)
    {
        var stack = new List<string>();
        foreach (var part in Normalize(path).Split('/'))
        {
            if (part == "..")
            {
                if (stack.Count == 0)
                {
                    return null;
                }

                stack.RemoveAt(stack.Count - 1);
            }
            else if (part != ".")
            {
                stack.Add(part);
            }
        }

        return stack.Count == 0 ? "." : string.Join('/', stack);
    }
}

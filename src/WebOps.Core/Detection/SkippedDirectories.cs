namespace WebOps.Core.Detection;

/// <summary>Folders that hold tooling, caches or third-party code, never the project itself.</summary>
internal static class SkippedDirectories
{
    private static readonly HashSet<string> Names =
        [".git", "node_modules", "venv", ".venv", "__pycache__", "site-packages", ".devcontainer"];

    public static bool Contains(string name) => Names.Contains(name);
}

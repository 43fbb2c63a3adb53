namespace WebOps.Core.Compose;

/// <summary>The names a compose file is found by at the app folder, in the order Compose itself prefers them.</summary>
public static class ComposeFileNames
{
    public static IReadOnlyList<string> Candidates { get; } = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    /// <summary>The first candidate that exists in <paramref name="folder"/>, relative to it; null when none does.</summary>
    public static string? Find(string folder) => Candidates.FirstOrDefault(name => File.Exists(Path.Combine(folder, name)));
}

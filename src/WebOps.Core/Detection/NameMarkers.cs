namespace WebOps.Core.Detection;

/// <summary>Ranks file paths by the words in them, so production files beat development ones
/// (Dockerfile.prod over dev.Dockerfile, requirements/production.txt over requirements/local.txt).</summary>
internal static class NameMarkers
{
    public const int Production = 0;
    public const int Neutral = 1;
    public const int Development = 2;

    private static readonly HashSet<string> ProductionWords = ["prod", "production"];

    private static readonly HashSet<string> DevelopmentWords =
        ["local", "dev", "develop", "development", "test", "tests", "testing", "ci", "debug", "lint", "docs"];

    /// <summary>Production, Neutral or Development; a path with both kinds of words counts as development.</summary>
    public static int Rank(string path)
    {
        var words = Words(path);
        if (words.Any(DevelopmentWords.Contains))
        {
            return Development;
        }

        return words.Any(ProductionWords.Contains) ? Production : Neutral;
    }

    private static string[] Words(string path) =>
        path.ToLowerInvariant().Split(['/', '.', '-', '_', ' '], StringSplitOptions.RemoveEmptyEntries);
}

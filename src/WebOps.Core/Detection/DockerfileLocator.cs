namespace WebOps.Core.Detection;

/// <summary>Rule 1: the Dockerfile the user named, else the root Dockerfile, else the one obvious production
/// Dockerfile one folder down. Development Dockerfiles are never picked, and of two equally good ones neither.</summary>
internal static class DockerfileLocator
{
    public static DockerfileChoice Locate(CheckoutFiles files, string? requestedPath)
    {
        if (!string.IsNullOrWhiteSpace(requestedPath))
        {
            // A named Dockerfile that is missing is reported by the Docker addon; no other one is substituted.
            var path = RelativePath.Collapse(requestedPath);
            return path is not null && files.FileExists(path) ? new DockerfileChoice(path, []) : DockerfileChoice.None;
        }

        if (files.FileExists("Dockerfile"))
        {
            return new DockerfileChoice("Dockerfile", []);
        }

        var ranked = Candidates(files)
            .Where(c => NameMarkers.Rank(c.Path) != NameMarkers.Development)
            .Select(c => (c.Path, Score: (NameMarkers.Rank(c.Path) * 10) + c.Pattern))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Path, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0)
        {
            return DockerfileChoice.None;
        }

        var best = ranked.Where(c => c.Score == ranked[0].Score).Select(c => c.Path).ToList();
        return best.Count == 1 ? new DockerfileChoice(best[0], []) : new DockerfileChoice(null, best);
    }

    /// <summary>Dockerfiles one folder down with the priority of their pattern (lower is more telling):
    /// docker/Dockerfile, */Dockerfile.prod, docker/*.Dockerfile, */Dockerfile.</summary>
    private static IEnumerable<(string Path, int Pattern)> Candidates(CheckoutFiles files)
    {
        var dirs = files.ListDirectories(".")
            .Where(d => !SkippedDirectories.Contains(d))
            .Take(CheckoutFiles.MaxWalkedDirectories);
        foreach (var dir in dirs)
        {
            foreach (var name in files.ListFiles(dir))
            {
                var pattern = Pattern(dir, name);
                if (pattern >= 0)
                {
                    yield return (RelativePath.Join(dir, name), pattern);
                }
            }
        }
    }

    private static int Pattern(string dir, string name)
    {
        var inDockerDir = dir.Equals("docker", StringComparison.OrdinalIgnoreCase);
        return name switch
        {
            "Dockerfile" when inDockerDir => 0,
            "Dockerfile.prod" or "Dockerfile.production" => 1,
            _ when inDockerDir && name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) => 2,
            "Dockerfile" => 3,
            _ => -1,
        };
    }
}

namespace WebOps.Core.Detection;

/// <summary>The Dockerfile detection settled on (null when none), and the equally good candidates that made it
/// refuse to choose.</summary>
internal sealed record DockerfileChoice(string? Path, IReadOnlyList<string> Tied)
{
    public static readonly DockerfileChoice None = new(null, []);
}

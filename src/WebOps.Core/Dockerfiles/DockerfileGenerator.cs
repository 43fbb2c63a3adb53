using WebOps.Core.Detection;

namespace WebOps.Core.Dockerfiles;

/// <summary>Writes a Dockerfile (and a .dockerignore) for a detected project. Pure: same input, same text.</summary>
public static class DockerfileGenerator
{
    public static string Generate(DetectionResult detection, DockerfileOptions options) =>
        throw new NotSupportedException($"No Dockerfile generator for {detection.Type} yet.");

    public static string GenerateDockerignore(DetectionResult detection) =>
        throw new NotSupportedException($"No .dockerignore generator for {detection.Type} yet.");
}

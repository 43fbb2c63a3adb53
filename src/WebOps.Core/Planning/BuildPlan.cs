namespace WebOps.Core.Planning;

/// <summary>
/// The decision of what a deploy builds and which port the app listens on, taken once after detection
/// (<see cref="BuildPlanner"/>) and carried in every hook context. Hooks read it; none decides again.
/// </summary>
public sealed record BuildPlan
{
    /// <summary>Where a generated Dockerfile goes: beside the user's files, never over one of them.</summary>
    public const string GeneratedDockerfilePath = "Dockerfile.webops";

    public required ImageSource Source { get; init; }

    /// <summary>The Dockerfile to build, relative to the checkout; null when nothing is built.</summary>
    public string? DockerfilePath { get; init; }

    /// <summary>The Dockerfile the deployment points at (its dockerfile_path, else what detection found), for messages.</summary>
    public string? ConfiguredDockerfilePath { get; init; }

    /// <summary>The image to start as it is, for <see cref="ImageSource.ExistingImage"/>; null otherwise.</summary>
    public string? Image { get; init; }

    /// <summary>The release (run id) whose image a rollback starts; null otherwise.</summary>
    public int? Release { get; init; }

    /// <summary>The port the app listens on: the user's, else the repository Dockerfile's first EXPOSE, else the
    /// project type's default.</summary>
    public required int Port { get; init; }

    /// <summary>Compose: the compose file, relative to the checkout.</summary>
    public string? ComposeFilePath { get; init; }

    /// <summary>Compose: the service the edge routes to; <see cref="Port"/> is its container port.</summary>
    public string? PublicService { get; init; }

    /// <summary>Why nothing can be built (the Docker addon's pre_deployment hook fails with it); null when all is well.</summary>
    public string? Problem { get; init; }

    /// <summary>The sentence the deploy log shows for this plan.</summary>
    public string Describe() => Problem ?? Source switch
    {
        ImageSource.RepositoryDockerfile => $"build the repository's Dockerfile '{DockerfilePath}'; the app listens on port {Port}",
        ImageSource.GeneratedDockerfile => $"no Dockerfile at '{ConfiguredDockerfilePath}': generate '{DockerfilePath}'; the app listens on port {Port}",
        ImageSource.ExistingImage => $"roll back to release #{Release}: start its image {Image} with its configuration, build nothing; the app listens on port {Port}",
        ImageSource.Compose => $"run the Compose project '{ComposeFilePath}'; the public service {PublicService} listens on port {Port}",
        ImageSource.VllmImage => $"no Dockerfile at '{ConfiguredDockerfilePath}': run the vLLM image; the server listens on port {Port}",
        _ => $"run without Docker; the app listens on port {Port}",
    };
}

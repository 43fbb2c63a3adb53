namespace WebOps.Core.Planning;

/// <summary>Where the image a deploy runs comes from.</summary>
public enum ImageSource
{
    /// <summary>The app runs without Docker (the process addon).</summary>
    None,

    /// <summary>The repository's own Dockerfile is built.</summary>
    RepositoryDockerfile,

    /// <summary>WebOps writes <see cref="BuildPlan.GeneratedDockerfilePath"/> for the detected project and builds it.</summary>
    GeneratedDockerfile,

    /// <summary>An LLM deployment without a Dockerfile: the configured vLLM image runs, nothing is built.</summary>
    VllmImage,

    /// <summary>A rollback: the image of an earlier release (<see cref="BuildPlan.Image"/>) starts again; no clone, no build.</summary>
    ExistingImage,

    /// <summary>A Compose project: the Docker addon runs the Compose CLI on <see cref="BuildPlan.ComposeFilePath"/>.</summary>
    Compose,
}

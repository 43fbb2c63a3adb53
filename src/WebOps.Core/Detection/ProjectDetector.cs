using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>
/// Decides what a checkout is and how to serve it, by reading files only (no process runs). Rules are asked in
/// a fixed order and the first answer wins: an existing Dockerfile, Django, a static site, a vLLM setup, a compose
/// file (docker_compose_path decides before all of them).
/// Nothing detected is an error, never a guess.
/// </summary>
public static class ProjectDetector
{
    /// <param name="checkoutPath">The checked-out repository.</param>
    /// <param name="requested">The deployment's project_type; anything but Auto only has details filled in.</param>
    /// <param name="dockerfilePath">The deployment's dockerfile_path, relative to the checkout. When it does not
    /// exist detection carries on without a Dockerfile (the Docker addon reports the missing file).</param>
    /// <param name="label">How errors name the checkout, e.g. "https://x/repo.git@main"; the path by default.</param>
    /// <param name="composePath">The deployment's docker_compose_path: when set, the checkout is a Compose project.</param>
    /// <param name="composeService">The deployment's compose_service, reported as the public service.</param>
    /// <exception cref="ProjectDetectionException">Nothing deployable was found.</exception>
    public static DetectionResult Detect(
        string checkoutPath, ProjectType requested = ProjectType.Auto, string? dockerfilePath = null, string? label = null,
        string? composePath = null, string? composeService = null)
    {
        var files = new CheckoutFiles(checkoutPath);
        label ??= checkoutPath;
        if (composePath is { Length: > 0 } || requested == ProjectType.Compose)
        {
            return ComposeDetector.Detect(files, composePath is { Length: > 0 } ? composePath : null, label, composeService)
                ?? throw new ProjectDetectionException(
                    $"project_type is compose but no compose file was found in {label} (looked for {string.Join(", ", Compose.ComposeFileNames.Candidates)}); add one, or set docker_compose_path.");
        }

        var dockerfile = DockerfileLocator.Locate(files, dockerfilePath);

        // A compose file at the root builds its services' Dockerfiles itself: one found only in a subfolder
        // (web/Dockerfile) belongs to a service, so the compose file decides; a root Dockerfile still wins.
        if (requested == ProjectType.Auto && dockerfilePath is null && dockerfile.Path is { } found && found.Contains('/', StringComparison.Ordinal)
            && ComposeDetector.Detect(files, null, label, composeService) is { } compose)
        {
            return compose;
        }

        var code = DetectCode(files, requested, dockerfile.Path);
        if (dockerfile.Path is { } path)
        {
            return WithDockerfile(code, requested, path);
        }

        // A compose file decides only when nothing else does: a Dockerfile or a framework is deployed as before.
        return code
            ?? (requested == ProjectType.Auto && dockerfile.Tied.Count == 0 ? ComposeDetector.Detect(files, null, label, composeService) : null)
            ?? throw Failure(requested, label, dockerfile.Tied);
    }

    private static DetectionResult? DetectCode(CheckoutFiles files, ProjectType requested, string? dockerfile) =>
        requested switch
        {
            ProjectType.Django => Explicit(DjangoDetector.Fill(files), "django"),
            ProjectType.Static => Explicit(StaticSiteDetector.Detect(files, strict: false), "static"),
            ProjectType.Llm => Explicit(LlmDetector.Detect(files, dockerfile), "llm")
                ?? new DetectionResult { Type = ProjectType.Llm, Reason = "project_type is llm" },
            _ => DjangoDetector.Detect(files)
                ?? StaticSiteDetector.Detect(files, strict: true)
                ?? LlmDetector.Detect(files, dockerfile),
        };

    private static DetectionResult? Explicit(DetectionResult? result, string type) =>
        result is null ? null : result with { Reason = $"project_type is {type}; {result.Reason}" };

    /// <summary>A Dockerfile decides how to build; the code's own type and details are still reported when
    /// they can be told. Without them Type stays as requested, which for a bare Dockerfile repo is Auto.</summary>
    private static DetectionResult WithDockerfile(DetectionResult? code, ProjectType requested, string path)
    {
        var found = $"Dockerfile found at {path}";
        if (code is null)
        {
            return new DetectionResult { Type = requested, DockerfilePath = path, Reason = found };
        }

        return code with { DockerfilePath = path, Reason = $"{found}; {code.Reason}" };
    }

    private static ProjectDetectionException Failure(ProjectType requested, string label, IReadOnlyList<string> tied)
    {
        var message = requested switch
        {
            ProjectType.Django =>
                $"project_type is django but no manage.py was found in {label} (searched the root and three levels down).",
            ProjectType.Static =>
                $"project_type is static but no index.html was found in {label} (looked in {StaticSiteDetector.PlacesLooked}).",
            _ => $"Could not detect a Django project or a static site in {label}. Add a Dockerfile, or set project_type.",
        };
        if (tied.Count > 0)
        {
            message += $" Several Dockerfiles could be the production one ({string.Join(", ", tied)}):"
                + " set dockerfile_path to choose.";
        }

        return new ProjectDetectionException(message);
    }
}

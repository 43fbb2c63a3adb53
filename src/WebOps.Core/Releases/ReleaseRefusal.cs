using System.Globalization;
using WebOps.Core.Deployments;

namespace WebOps.Core.Releases;

/// <summary>
/// Why a deployment cannot roll back to a run, the same answer when the rollback is asked for and when it starts.
/// <see cref="Field"/> is <c>run</c> when the run asked for is the problem, null when the deployment is.
/// </summary>
public sealed record ReleaseRefusal(string Message, string? Field)
{
    public const string RunField = "run";

    /// <summary>Null when <paramref name="release"/> (the run numbered <paramref name="requested"/>) can be rolled back to.</summary>
    public static string? Of(Deployment d, DeployRun? release, int? requested) => Check(d, release, requested)?.Message;

    public static ReleaseRefusal? Check(Deployment d, DeployRun? release, int? requested)
    {
        if (!d.UseDocker)
        {
            return new($"Cannot roll back '{d.Name}': it runs without Docker, so no release keeps an image to start again. "
                + "Deploy the commit you want instead.", null);
        }

        if (d.ComposeProject is not null || release?.Config?.ProjectType == ProjectType.Compose)
        {
            return new(Compose(d), null);
        }

        var number = requested is { } n ? n.ToString(CultureInfo.InvariantCulture) : "?";
        if (release is null || release.DeploymentId != d.Id)
        {
            return new($"'{d.Name}' has no run #{number}; list its releases with GET /api/deployments/{d.Name}/releases.", RunField);
        }

        if (release.Result != "succeeded")
        {
            return new($"Run #{number} of '{d.Name}' is {release.Result}, not a release: only a succeeded run can be rolled back to. "
                + $"List the releases with GET /api/deployments/{d.Name}/releases.", RunField);
        }

        if (release.Image is null)
        {
            return new($"Release #{number} of '{d.Name}' recorded no image, so there is nothing to start again; deploy again instead.", RunField);
        }

        // A vLLM release ran the configured vLLM image from the LLM settings, not an image built for the deployment.
        if (release.Config?.ProjectType == ProjectType.Llm && !release.Image.Contains(":deploy-", StringComparison.Ordinal))
        {
            return new($"Release #{number} of '{d.Name}' ran the vLLM image, which starts from the LLM settings rather than from a "
                + "built image; change the LLM settings and deploy instead.", null);
        }

        return release.Config is null
            ? new($"Release #{number} of '{d.Name}' was made before WebOps kept each release's configuration, so it cannot be restored; "
                + "deploy again, or roll back to a newer release.", RunField)
            : null;
    }

    /// <summary>
    /// Why a Compose deployment does not roll back: its releases keep no images (Compose tags them by project and
    /// rebuilds them in place) and no compose file, so nothing faithful to the release could be started again.
    /// </summary>
    public static string Compose(Deployment d) =>
        $"Cannot roll back '{d.Name}': it is a Docker Compose deployment, and Compose releases cannot be rolled back yet "
        + $"(no release keeps its images and compose file). Revert the change on branch {d.Branch} and deploy again.";

    /// <summary>The refusal for a release whose image the engine no longer has.</summary>
    public static string ImageRemoved(string deployment, int? release, string? image) =>
        $"Cannot roll back '{deployment}' to release #{release?.ToString(CultureInfo.InvariantCulture)}: its image {image} was removed "
        + "(only the newest Docker:KeepImages releases keep theirs). Deploy again to build that commit anew.";
}

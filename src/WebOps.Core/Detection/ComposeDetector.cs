using WebOps.Core.Compose;
using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>
/// A Compose project: the deployment's docker_compose_path, else <c>compose.yaml</c>, <c>compose.yml</c>,
/// <c>docker-compose.yml</c> or <c>docker-compose.yaml</c> at the repository root. The file must stay inside the
/// checkout (symlinks included) and parse; its services and the public one are reported.
/// </summary>
internal static class ComposeDetector
{
    /// <summary>The result, or null when <paramref name="configured"/> is null and no compose file is at the root.</summary>
    /// <exception cref="ProjectDetectionException">The configured file is missing or outside the checkout, or does not parse.</exception>
    public static DetectionResult? Detect(CheckoutFiles files, string? configured, string label, string? publicService = null)
    {
        var path = configured ?? ComposeFileNames.Candidates.FirstOrDefault(files.FileExists);
        if (path is null)
        {
            return null;
        }

        var text = files.ReadText(path) ?? throw new ProjectDetectionException(
            $"docker_compose_path '{path}' was not found inside {label} (missing, outside the repository, or larger than {CheckoutFiles.MaxFileBytes / 1024} KiB); give a path inside it, such as compose.yaml.");
        ComposeDocument document;
        try
        {
            document = ComposeDocument.Parse(text, path);
        }
        catch (ComposeFileException e)
        {
            throw new ProjectDetectionException($"{e.Message} ({label})");
        }

        var services = document.Services();
        var (chosen, _) = PublicService.Choose(services, publicService, 0, path);
        var how = configured is null ? "found" : "set by docker_compose_path";
        return new DetectionResult
        {
            Type = ProjectType.Compose,
            ComposeFilePath = path,
            ComposeServices = services,
            PublicService = chosen?.Name,
            Reason = $"compose file {path} {how}; services: {string.Join(", ", services.Select(s => s.Name))}; public: {chosen?.Name ?? "none"}",
        };
    }
}

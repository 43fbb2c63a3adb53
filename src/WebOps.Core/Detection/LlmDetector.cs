using System.Text.RegularExpressions;
using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>Rule 4: a vLLM serving setup (a vllm config file, vllm among the root dependencies, or a Dockerfile
/// built on the vllm/vllm-openai image).</summary>
internal static partial class LlmDetector
{
    private static readonly string[] ConfigFiles = ["vllm.yaml", "vllm.yml", "vllm.json"];

    /// <param name="dockerfilePath">The Dockerfile to check for a vLLM base image; the root Dockerfile when null.</param>
    public static DetectionResult? Detect(CheckoutFiles files, string? dockerfilePath)
    {
        if (ConfigFiles.FirstOrDefault(files.FileExists) is { } config)
        {
            return Result($"{config} found at the root", []);
        }

        var deps = PythonDependencyFiles.Candidates(files, ".", ancestors: false).FirstOrDefault(d => d.Contains("vllm"));
        if (deps is not null)
        {
            return Result($"vllm listed in {deps.FileNaming("vllm")}", deps.Paths);
        }

        var dockerfile = dockerfilePath ?? "Dockerfile";
        if (files.ReadText(dockerfile) is { } text && VllmBaseImage().IsMatch(text))
        {
            return Result($"{dockerfile} builds on vllm/vllm-openai", []);
        }

        return null;
    }

    private static DetectionResult Result(string reason, IReadOnlyList<string> dependencyFiles) =>
        new() { Type = ProjectType.Llm, Reason = reason, DependencyFiles = dependencyFiles };

    // FROM [--platform=...] [docker.io/]vllm/vllm-openai[:tag|@digest] [AS name]
    [GeneratedRegex(@"^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*(?:docker\.io/)?vllm/vllm-openai(?:[:@ \t]|\r?$)",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex VllmBaseImage();
}

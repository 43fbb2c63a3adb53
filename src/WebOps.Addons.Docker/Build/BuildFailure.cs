using System.Text.RegularExpressions;
using WebOps.Core.Deployments;

namespace WebOps.Addons.Docker.Build;

/// <summary>
/// The message a failed build ends with, which becomes the run's error: what failed, the engine's words, and the
/// lines of the failing step that say why. The engine's own error only says that a command returned non-zero; the
/// cause (<c>No matching distribution found for django&gt;=6.0</c>) is in the step's output above it.
/// </summary>
public static partial class BuildFailure
{
    public const int MaxCauseLines = 10;

    /// <summary>Characters of cause lines at most, so the whole message stays within what a run keeps (2,000).</summary>
    private const int CauseBudget = 1000;

    private const int MaxLineLength = 300;
    private const int MaxStepLength = 200;

    public static string Describe(string deployment, string? step, string? error, IReadOnlyList<BuildLine> stepOutput)
    {
        var at = step is null ? "" : $" at {Cut(step, MaxStepLength)}";
        var what = Cut(error ?? "the engine reported no error, but the image was not created", MaxLineLength);
        var message = $"Build of '{deployment}' failed{at}: {what}";
        var (title, lines) = Cause(stepOutput);
        return lines.Count == 0 ? message : $"{message}\n{title}:\n{string.Join('\n', lines)}";
    }

    /// <summary>
    /// The image id when the build failed because the engine's build cache lost an image while reading it, else null.
    /// The classic builder looks for a cached step by listing the parent image's children and reading each; a child
    /// removed in between (another app's old release, a prune, a deleted app's images) fails the build with
    /// <c>unable to find image "sha256:…"</c> (moby's image/cache), although nothing is wrong with it. The same
    /// build run again finds the cache as it is now.
    /// </summary>
    public static string? VanishedCacheImage(string? error) =>
        error is not null && VanishedImage().Match(error) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>
    /// The step's error lines if it printed any, else its stderr lines, else all its lines: the newest
    /// <see cref="MaxCauseLines"/> of them that fit the budget, oldest first.
    /// </summary>
    public static (string Title, IReadOnlyList<string> Lines) Cause(IReadOnlyList<BuildLine> stepOutput)
    {
        var (title, chosen) = Choose(stepOutput);
        var lines = new List<string>();
        var used = 0;
        for (var i = chosen.Count - 1; i >= 0 && lines.Count < MaxCauseLines; i--)
        {
            var line = Cut(chosen[i], MaxLineLength);
            if (lines.Count > 0 && used + line.Length > CauseBudget)
            {
                break;
            }

            lines.Insert(0, line);
            used += line.Length;
        }

        return (title, lines);
    }

    private static (string Title, IReadOnlyList<string> Lines) Choose(IReadOnlyList<BuildLine> stepOutput)
    {
        var errors = Texts(stepOutput, DeploymentLogLevel.Error);
        if (errors.Count > 0)
        {
            return ("Error lines of the step", errors);
        }

        var stderr = Texts(stepOutput, DeploymentLogLevel.Warning);
        return stderr.Count > 0
            ? ("Last stderr lines of the step", stderr)
            : ("Last output lines of the step", [.. stepOutput.Select(l => l.Text)]);
    }

    private static List<string> Texts(IReadOnlyList<BuildLine> lines, DeploymentLogLevel level) =>
        [.. lines.Where(l => l.Level == level).Select(l => l.Text)];

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex("^unable to find image \"(sha256:[0-9a-f]{64})\"")]
    private static partial Regex VanishedImage();
}

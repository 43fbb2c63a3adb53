using System.Text.Json;
using System.Text.RegularExpressions;
using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>Rule 3: a Staticfile, or the first of public/, dist/, docs/ and the root holding index.html.</summary>
internal static partial class StaticSiteDetector
{
    public const string PlacesLooked = "Staticfile root, public/, dist/, docs/ and the root";

    private static readonly string[] SiteRoots = ["public", "dist", "docs", "."];

    /// <summary>The site, or null. With <paramref name="strict"/> (auto-detection), a package.json with a
    /// build script means a Node app that builds its site, so index.html files are not taken as the site;
    /// an explicit Staticfile still counts, since the repo says it is static.</summary>
    public static DetectionResult? Detect(CheckoutFiles files, bool strict)
    {
        if (FromStaticfile(files) is { } declared)
        {
            return declared;
        }

        if (strict && HasBuildScript(files))
        {
            return null;
        }

        var root = SiteRoots.FirstOrDefault(dir => files.FileExists(RelativePath.Join(dir, "index.html")));
        if (root is null)
        {
            return null;
        }

        var where = root == "." ? "at the root" : $"in {root}/";
        return new DetectionResult { Type = ProjectType.Static, AppDir = root, Reason = $"index.html found {where}" };
    }

    /// <summary>Cloud Foundry's convention: a Staticfile marks a static site; its "root: DIR" names the site
    /// folder (the repo root when absent). A root that does not exist makes the Staticfile count for nothing.</summary>
    private static DetectionResult? FromStaticfile(CheckoutFiles files)
    {
        if (files.ReadText("Staticfile") is not { } text)
        {
            return null;
        }

        var match = RootLine().Match(text);
        var root = match.Success ? RelativePath.Collapse(match.Groups["dir"].Value.Trim('"', '\'')) : ".";
        if (root is null || !files.DirectoryExists(root))
        {
            return null;
        }

        var reason = match.Success ? $"Staticfile sets root: {root}" : "Staticfile found at the root";
        return new DetectionResult { Type = ProjectType.Static, AppDir = root, Reason = reason };
    }

    private static bool HasBuildScript(CheckoutFiles files)
    {
        if (files.ReadText("package.json") is not { } text)
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("scripts", out var scripts)
                && scripts.ValueKind == JsonValueKind.Object
                && scripts.TryGetProperty("build", out _);
        }
        catch (JsonException)
        {
            // A package.json npm cannot read runs no build either.
            return false;
        }
    }

    [GeneratedRegex(@"^[ \t]*root[ \t]*:[ \t]*(?<dir>[^#\r\n]+?)[ \t]*(?:#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex RootLine();
}

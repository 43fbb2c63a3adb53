using System.Globalization;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Image names as Docker spells them: <c>[registry[:port]/]path[:tag]</c>.</summary>
public static class ImageReference
{
    public const string DeployTagPrefix = "deploy-";

    /// <summary>Splits <c>repo:tag</c>; a colon before the last slash belongs to a registry port, not a tag.</summary>
    public static (string Repository, string Tag) Split(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/')
            ? (reference[..colon], reference[(colon + 1)..])
            : (reference, "latest");
    }

    /// <summary>The immutable tag of one deploy run: <c>webops/blog:latest</c> and run 12 give <c>webops/blog:deploy-12</c>.</summary>
    public static string DeployTag(string imageName, int runId) =>
        $"{Split(imageName).Repository}:{DeployTagPrefix}{runId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The run id of a per-deploy tag of <paramref name="repository"/>, or null for any other tag.</summary>
    public static int? DeployRunOf(string reference, string repository)
    {
        var (repo, tag) = Split(reference);
        return repo == repository && tag.StartsWith(DeployTagPrefix, StringComparison.Ordinal)
            && int.TryParse(tag.AsSpan(DeployTagPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var run)
            ? run
            : null;
    }
}

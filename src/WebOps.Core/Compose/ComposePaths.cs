using WebOps.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace WebOps.Core.Compose;

/// <summary>The host paths a compose file names (bind mounts, build contexts), checked lexically.</summary>
internal sealed class ComposePaths(string checkoutRoot, string composeFolder, IReadOnlyList<string> denied)
{
    private const string InsideFix = "use a folder inside the repository or a named volume";

    /// <summary>Null for a named volume or an allowed bind mount, else why it is refused.</summary>
    public string? CheckVolume(YamlNode entry)
    {
        var source = entry switch
        {
            YamlScalarNode { Value: { } text } => text.Split(':')[0],
            YamlMappingNode mapping when ComposeYaml.Scalar(ComposeYaml.Get(mapping, "type")) == "bind" => ComposeYaml.Scalar(ComposeYaml.Get(mapping, "source")) ?? "",
            _ => null,
        };
        if (source is null || !(source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~')))
        {
            // A named volume (or an anonymous one): Docker keeps it under its own folder.
            return null;
        }

        if (source.StartsWith('~'))
        {
            return $"host path {Describe.Quote(source)} is not allowed (the panel's home folder); {InsideFix}.";
        }

        if (source.StartsWith('/'))
        {
            return PosixPath.HasParentSegment(source)
                ? $"host path {Describe.Quote(source)} is not allowed ('..' segments); {InsideFix}."
                : HostPathPolicy.Check(PosixPath.Normalize(source), denied) is { } refused ? refused + "." : null;
        }

        return Inside(source) ? null : $"host path {Describe.Quote(source)} is outside the repository; {InsideFix}.";
    }

    /// <summary>Null when the build context (string or <c>build.context</c>) is a folder inside the repository.</summary>
    public string? CheckBuild(YamlNode? build)
    {
        var context = build switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            YamlMappingNode mapping => ComposeYaml.Scalar(ComposeYaml.Get(mapping, "context")) ?? ".",
            _ => "",
        };
        if (context is null)
        {
            return null;
        }

        return !context.Contains("://", StringComparison.Ordinal) && !context.StartsWith('/') && Inside(context)
            ? null
            : $"context {Describe.Quote(context)} must be a folder inside the repository, such as . or ./web.";
    }

    private bool Inside(string relative)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(checkoutRoot));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(composeFolder, relative)));
        return full == root || full.StartsWith(root + "/", StringComparison.Ordinal);
    }
}

using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace WebOps.Core.Compose;

/// <summary>Reads the container side of <c>ports</c> and <c>expose</c> entries, in every syntax Compose accepts.</summary>
internal static class ComposePorts
{
    /// <summary>Published ports first, then exposed ones, each once.</summary>
    public static IReadOnlyList<int> ContainerPorts(YamlMappingNode service)
    {
        var published = ComposeYaml.Items(ComposeYaml.Get(service, "ports")).Select(Target);
        var exposed = ComposeYaml.Items(ComposeYaml.Get(service, "expose")).Select(p => FirstNumber(ComposeYaml.Scalar(p)));
        return [.. published.Concat(exposed).OfType<int>().Distinct()];
    }

    /// <summary>Whether a <c>ports</c> entry binds a host port (every entry does: without one Docker picks a random one).</summary>
    public static string Describe(YamlNode entry) => entry switch
    {
        YamlScalarNode scalar => scalar.Value ?? "",
        YamlMappingNode long_ => $"target {ComposeYaml.Scalar(ComposeYaml.Get(long_, "target"))}, published {ComposeYaml.Scalar(ComposeYaml.Get(long_, "published")) ?? "random"}",
        _ => "?",
    };

    private static int? Target(YamlNode entry) => entry switch
    {
        YamlScalarNode { Value: { } text } => FirstNumber(text.Split(':')[^1]),
        YamlMappingNode long_ => FirstNumber(ComposeYaml.Scalar(ComposeYaml.Get(long_, "target"))),
        _ => null,
    };

    /// <summary>"80", "80/tcp", "8000-8001" give 80, 80, 8000.</summary>
    private static int? FirstNumber(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = new string([.. text.TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
    }
}

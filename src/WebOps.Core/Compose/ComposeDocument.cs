using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace WebOps.Core.Compose;

/// <summary>A compose file parsed with YamlDotNet: its services by name, in file order.</summary>
public sealed class ComposeDocument
{
    /// <summary>Larger files are refused before parsing: a compose file is a page of text, not a data set.</summary>
    public const int MaxBytes = 256 * 1024;

    private ComposeDocument(IReadOnlyList<(string Name, YamlMappingNode Node)> services, string? version, YamlMappingNode root)
    {
        ServiceNodes = services;
        Version = version;
        Root = root;
    }

    /// <summary>The file's top-level <c>version</c>, when it has one.</summary>
    public string? Version { get; }

    internal IReadOnlyList<(string Name, YamlMappingNode Node)> ServiceNodes { get; }

    private YamlMappingNode Root { get; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="label"/> names the file in errors.</summary>
    /// <exception cref="ComposeFileException">Not YAML, not one mapping, or no services.</exception>
    public static ComposeDocument Parse(string text, string label)
    {
        if (text.Length > MaxBytes)
        {
            throw new ComposeFileException($"compose file '{label}' is larger than {MaxBytes / 1024} KiB; split it or remove unused parts.");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ComposeFileException(
                string.Create(CultureInfo.InvariantCulture, $"compose file '{label}' is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}"));
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ComposeFileException($"compose file '{label}' must hold one YAML mapping with a 'services' key.");
        }

        if (ComposeYaml.Get(root, "services") is not YamlMappingNode services || services.Children.Count == 0)
        {
            throw new ComposeFileException($"compose file '{label}' has no services: add a 'services' mapping with at least one service.");
        }

        var list = new List<(string, YamlMappingNode)>();
        foreach (var (name, node) in ComposeYaml.Entries(services))
        {
            if (node is not YamlMappingNode service)
            {
                throw new ComposeFileException($"compose file '{label}': services.{name} must be a mapping (image, build, ports…).");
            }

            list.Add((name, service));
        }

        return new ComposeDocument(list, ComposeYaml.Scalar(ComposeYaml.Get(root, "version")), root);
    }

    /// <summary>The services with their ports (published or exposed, container side) and whether they build.</summary>
    public IReadOnlyList<ComposeService> Services() =>
        [.. ServiceNodes.Select(s => new ComposeService(s.Name, ComposePorts.ContainerPorts(s.Node), ComposeYaml.Get(s.Node, "build") is not null)
        {
            ContainerName = ComposeYaml.Scalar(ComposeYaml.Get(s.Node, "container_name")),
            PublishesHostPorts = ComposeYaml.Items(ComposeYaml.Get(s.Node, "ports")).Count > 0,
        })];

    /// <summary>The top-level named volumes, in file order.</summary>
    public IReadOnlyList<ComposeVolume> Volumes() =>
        ComposeYaml.Get(Root, "volumes") is YamlMappingNode volumes
            ? [.. ComposeYaml.Entries(volumes).Select(v => new ComposeVolume(
                v.Key,
                v.Value is YamlMappingNode m && (ComposeYaml.Get(m, "name") is not null || ComposeYaml.Get(m, "external") is { } external && !IsFalse(external))))]
            : [];

    private static bool IsFalse(YamlNode node) => ComposeYaml.Scalar(node) is { } value && value.Equals("false", StringComparison.OrdinalIgnoreCase);
}

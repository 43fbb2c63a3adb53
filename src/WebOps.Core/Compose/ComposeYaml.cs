using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace WebOps.Core.Compose;

/// <summary>
/// Lookups on a parsed compose file. Keys merged in with <c>&lt;&lt;: *anchor</c> count as the mapping's own (a key
/// set directly wins), so a refused key cannot hide in a YAML anchor.
/// </summary>
internal static class ComposeYaml
{
    private const string MergeKey = "<<";

    /// <summary>The value of <paramref name="key"/>, directly or through merge keys; null when absent.</summary>
    public static YamlNode? Get(YamlMappingNode mapping, string key) => Get(mapping, key, depth: 0);

    /// <summary>Every key of the mapping, its own first, then those merged in.</summary>
    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in EntriesOf(mapping, depth: 0))
        {
            if (seen.Add(key))
            {
                yield return (key, value);
            }
        }
    }

    public static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static bool IsTrue(YamlNode? node) =>
        Scalar(node) is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "on");

    public static IReadOnlyList<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static YamlNode? Get(YamlMappingNode mapping, string key, int depth)
    {
        if (mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }

        return depth > 8 ? null : Merged(mapping).Select(m => Get(m, key, depth + 1)).FirstOrDefault(v => v is not null);
    }

    private static IEnumerable<(string Key, YamlNode Value)> EntriesOf(YamlMappingNode mapping, int depth)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && name != MergeKey)
            {
                yield return (name, value);
            }
        }

        if (depth > 8)
        {
            yield break;
        }

        foreach (var merged in Merged(mapping))
        {
            foreach (var entry in EntriesOf(merged, depth + 1))
            {
                yield return entry;
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Merged(YamlMappingNode mapping) =>
        mapping.Children.TryGetValue(new YamlScalarNode(MergeKey), out var merge)
            ? merge switch
            {
                YamlMappingNode one => [one],
                YamlSequenceNode many => many.Children.OfType<YamlMappingNode>(),
                _ => [],
            }
            : [];
}

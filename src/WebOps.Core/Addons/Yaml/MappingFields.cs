using System.Globalization;
using WebOps.Core.Addons;

namespace WebOps.Core.Addons.Yaml;

/// <summary>
/// The keys of one manifest mapping, checked against the allowed names, with typed readers that record a
/// path-prefixed error (<c>hooks[1].priority: should be an integer</c>) instead of throwing.
/// </summary>
internal sealed class MappingFields
{
    private readonly Dictionary<string, ManifestNode> values = new(StringComparer.Ordinal);
    private readonly string path;
    private readonly List<string> errors;

    private MappingFields(string path, List<string> errors)
    {
        this.path = path;
        this.errors = errors;
    }

    /// <summary>Reads a mapping, reporting unknown and repeated keys; <paramref name="path"/> is "" at the top level.</summary>
    public static MappingFields Read(ManifestMapping mapping, string path, IReadOnlyList<string> allowed, List<string> errors)
    {
        var fields = new MappingFields(path, errors);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                errors.Add(Prefix(path, $"unknown key {ManifestValue.Quote(key.Value)} (allowed: {string.Join(", ", allowed)})"));
            }
            else if (!fields.values.TryAdd(key.Value, value))
            {
                errors.Add(Prefix(path, $"key {ManifestValue.Quote(key.Value)} appears twice (line {key.Line})"));
            }
        }

        return fields;
    }

    public static string Prefix(string path, string message) => path.Length == 0 ? message : $"{path}: {message}";

    public bool Has(string key) => values.TryGetValue(key, out var node) && node is not ManifestScalar { IsNull: true };

    public ManifestNode? Node(string key) => Has(key) ? values[key] : null;

    public string FieldPath(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The text of a scalar field; null when absent or null.</summary>
    public string? Text(string key)
    {
        var node = Node(key);
        if (node is null or ManifestScalar)
        {
            return (node as ManifestScalar)?.Value;
        }

        Error(key, "should be text");
        return null;
    }

    public int? Integer(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is ManifestScalar { IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(key, "should be an integer");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }

        if (node is ManifestScalar { IsPlain: true } scalar && bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        Error(key, "should be true or false");
        return null;
    }

    public void Error(string key, string message) => errors.Add($"{FieldPath(key)}: {message}");
}

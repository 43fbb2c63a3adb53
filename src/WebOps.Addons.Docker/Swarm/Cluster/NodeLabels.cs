using WebOps.Core.Validation;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>
/// Node labels as an admin edits them, checked against Docker's label key rules: lower-case letters, digits, '.' and
/// '-', starting with a letter and ending with a letter or digit, no '..' or '--' in a row, and none of Docker's
/// reserved namespaces. Values are one line of text.
/// </summary>
public static class NodeLabels
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxCount = 64;

    private static readonly string[] ReservedPrefixes = ["com.docker.", "io.docker.", "org.dockerproject."];

    /// <summary>
    /// Reads one <c>key=value</c> a line (blank lines ignored) into labels; errors name the line, e.g.
    /// <c>labels: line 2 'Zone=east': key 'Zone' ...</c>.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Labels, IReadOnlyList<FieldError> Errors) Parse(string? text, string field = "labels")
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"line {i + 1} '{Cut(line)}'";
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                errors.Add(new FieldError(field, $"{where}: write key=value, e.g. zone=east"));
                continue;
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if ((CheckKey(key) ?? CheckValue(value)) is { } why)
            {
                errors.Add(new FieldError(field, $"{where}: {why}"));
            }
            else if (!labels.TryAdd(key, value))
            {
                errors.Add(new FieldError(field, $"{where}: key '{key}' is given twice; keep one line for it"));
            }
        }

        if (labels.Count > MaxCount)
        {
            errors.Add(new FieldError(field, $"has {labels.Count} labels; at most {MaxCount} are allowed"));
        }

        return (labels, errors);
    }

    /// <summary>Checks labels given as a JSON object; errors are named <c>labels.KEY</c>.</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyDictionary<string, string?> labels, string field = "labels")
    {
        var errors = new List<FieldError>();
        foreach (var (key, value) in labels)
        {
            if ((CheckKey(key) ?? CheckValue(value ?? "")) is { } why)
            {
                errors.Add(new FieldError($"{field}.{key}", why));
            }
        }

        if (labels.Count > MaxCount)
        {
            errors.Add(new FieldError(field, $"has {labels.Count} labels; at most {MaxCount} are allowed"));
        }

        return errors;
    }

    /// <summary>The labels as the edit field shows them: one <c>key=value</c> a line, sorted by key.</summary>
    public static string Format(IReadOnlyDictionary<string, string> labels) =>
        string.Concat(labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}\n"));

    /// <summary>Why <paramref name="key"/> breaks Docker's label key rules, or null when it keeps them.</summary>
    public static string? CheckKey(string key)
    {
        if (key.Length == 0)
        {
            return "the key is empty; write key=value, e.g. zone=east";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"key is longer than {MaxKeyLength} characters";
        }

        if (key.FirstOrDefault(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '-')) is var bad and not '\0')
        {
            return $"key '{key}' has '{bad}': use lower-case letters, digits, '.' and '-' only";
        }

        if (key[0] is not (>= 'a' and <= 'z'))
        {
            return $"key '{key}' must start with a lower-case letter";
        }

        if (key[^1] is '.' or '-')
        {
            return $"key '{key}' must end with a lower-case letter or digit";
        }

        if (key.Contains("..", StringComparison.Ordinal) || key.Contains("--", StringComparison.Ordinal))
        {
            return $"key '{key}' has '..' or '--': consecutive periods or hyphens are not allowed";
        }

        return ReservedPrefixes.FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal)) is { } reserved
            ? $"key '{key}' is in Docker's reserved namespace '{reserved}'; use your own prefix, e.g. webops.zone"
            : null;
    }

    private static string? CheckValue(string value)
    {
        if (value.Length > MaxValueLength)
        {
            return $"value is longer than {MaxValueLength} characters";
        }

        return value.Any(char.IsControl) ? "value has a control character; keep it to one line of text" : null;
    }

    private static string Cut(string line) => line.Length <= 40 ? line : line[..40] + "…";
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace WebOps.Tests.Integration.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format (0.0.4): every sample belongs to a family declared by one TYPE line
/// before it, names and labels follow the grammar, label values use only the three escapes, values parse, no series
/// appears twice, and histogram buckets carry <c>le</c>. Anything else throws with the line number.
/// </summary>
public static partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public static IReadOnlyList<Sample> Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var lines = text.Split('\n');
        Check(lines[^1].Length == 0, lines.Length, "the text must end with a line feed");
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (line.StartsWith('#'))
            {
                ReadComment(line, number, types);
                continue;
            }

            Check(line.Length > 0, number, "empty line");
            var sample = ReadSample(line, number);
            Check(FamilyOf(sample.Name, types) is { } family, number, $"sample {sample.Name} has no TYPE line before it");
            if (sample.Name.EndsWith("_bucket", StringComparison.Ordinal) && types[FamilyOf(sample.Name, types)!] == "histogram")
            {
                Check(sample.Labels.ContainsKey("le"), number, "histogram bucket without le");
            }

            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            Check(series.Add(key), number, $"series {key} appears twice");
            samples.Add(sample);
        }

        return samples;
    }

    private static void ReadComment(string line, int number, Dictionary<string, string> types)
    {
        var parts = line.Split(' ', 4);
        if (parts.Length >= 3 && parts[1] == "TYPE")
        {
            Check(parts.Length == 4 && MetricName().IsMatch(parts[2]), number, "TYPE needs a metric name and a type");
            Check(parts[3] is "counter" or "gauge" or "histogram" or "summary" or "untyped", number, $"unknown type {parts[3]}");
            Check(types.TryAdd(parts[2], parts[3]), number, $"TYPE of {parts[2]} given twice");
        }
        else if (parts.Length >= 3 && parts[1] == "HELP")
        {
            Check(MetricName().IsMatch(parts[2]), number, "HELP needs a metric name");
        }
    }

    private static Sample ReadSample(string line, int number)
    {
        var name = MetricNamePrefix().Match(line);
        Check(name.Success, number, "a sample must start with a metric name");
        var at = name.Length;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var label = LabelNamePrefix().Match(line, at);
                Check(label.Success && label.Index == at, number, "bad label name");
                at += label.Length;
                Check(line[at] == '=' && line[at + 1] == '"', number, "a label needs =\"value\"");
                at += 2;
                var value = new StringBuilder();
                while (line[at] != '"')
                {
                    if (line[at] == '\\')
                    {
                        at++;
                        value.Append(line[at] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"line {number}: unknown escape \\{line[at]}"),
                        });
                    }
                    else
                    {
                        value.Append(line[at]);
                    }

                    at++;
                }

                Check(labels.TryAdd(label.Value, value.ToString()), number, $"label {label.Value} given twice");
                at++;
                if (line[at] == ',')
                {
                    at++;
                }
            }

            at++;
        }

        Check(at < line.Length && line[at] == ' ', number, "a space must separate the series from its value");
        var rest = line[(at + 1)..].Split(' ');
        Check(rest.Length is 1 or 2, number, "a sample is: series value [timestamp]");
        Check(TryValue(rest[0], out var v), number, $"value '{rest[0]}' is not a number");
        Check(rest.Length == 1 || long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), number, "bad timestamp");
        return new Sample(name.Value, labels, v);
    }

    private static bool TryValue(string text, out double value)
    {
        switch (text)
        {
            case "+Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static string? FamilyOf(string name, Dictionary<string, string> types)
    {
        if (types.ContainsKey(name))
        {
            return name;
        }

        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out var type) && type is "histogram" or "summary")
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }

    private static void Check(bool condition, int line, string what)
    {
        if (!condition)
        {
            throw new FormatException($"line {line}: {what}");
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex MetricNamePrefix();

    [GeneratedRegex("[a-zA-Z_][a-zA-Z0-9_]*")]
    private static partial Regex LabelNamePrefix();
}

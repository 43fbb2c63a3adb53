using System.Globalization;
using System.Text.RegularExpressions;

namespace WebOps.Core.Validation;

/// <summary>
/// <c>placement</c>: Swarm placement constraints, each <c>key==value</c> or <c>key!=value</c>, where the key is a node
/// or engine attribute (<c>node.hostname</c>, <c>node.role</c>, <c>node.labels.region</c>, …). Checked here so a typo
/// is a field error, not a service the engine refuses half-way through a deploy.
/// </summary>
public static partial class PlacementRule
{
    private const string Field = "placement";

    public const int MaxCount = 20;

    public static void Check(IReadOnlyList<string> constraints, List<FieldError> errors)
    {
        if (constraints.Count > MaxCount)
        {
            errors.Add(new FieldError(Field, $"has {constraints.Count} constraints; the limit is {MaxCount}, so remove some"));
        }

        for (var i = 0; i < constraints.Count; i++)
        {
            if (CheckOne(constraints[i].Trim()) is { } problem)
            {
                errors.Add(new FieldError(string.Create(CultureInfo.InvariantCulture, $"{Field}[{i}]"), problem));
            }
        }
    }

    /// <summary>Null when <paramref name="constraint"/> is a constraint Swarm accepts, else why not.</summary>
    public static string? CheckOne(string constraint)
    {
        const string Example = "e.g. node.labels.region==eu or node.hostname!=web-2";
        var op = constraint.Contains("==", StringComparison.Ordinal) ? "==" : constraint.Contains("!=", StringComparison.Ordinal) ? "!=" : null;
        if (op is null)
        {
            return $"is {Describe.Quote(constraint)}, which has no == or !=; write key==value or key!=value, {Example}";
        }

        var at = constraint.IndexOf(op, StringComparison.Ordinal);
        var key = constraint[..at].Trim();
        var value = constraint[(at + 2)..].Trim();
        if (!KeyPattern().IsMatch(key))
        {
            return $"has the key {Describe.Quote(key)}; use node.id, node.hostname, node.role, node.platform.os, node.platform.arch, node.labels.NAME or engine.labels.NAME, {Example}";
        }

        if (value.Length == 0 || value.Length > 255 || value.Contains("==", StringComparison.Ordinal) || value.Contains("!=", StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
        {
            return $"has the value {Describe.Quote(value)}; give one value without spaces after {op}, {Example}";
        }

        return null;
    }

    [GeneratedRegex(@"^(node\.(id|hostname|role|platform\.os|platform\.arch)|(node|engine)\.labels\.[A-Za-z0-9][A-Za-z0-9._-]{0,126})$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}

using WebOps.Core.Validation;

namespace WebOps.Usage;

/// <summary>The spans the usage API serves, and which resolution each reads.</summary>
public sealed record UsageRange(string Name, TimeSpan Span, bool Rollup)
{
    public static readonly IReadOnlyList<UsageRange> All =
    [
        new("1h", TimeSpan.FromHours(1), Rollup: false),
        new("24h", TimeSpan.FromHours(24), Rollup: false),
        new("30d", TimeSpan.FromDays(30), Rollup: true),
    ];

    /// <summary>The named range; absent means 1h. Anything else adds an error naming the field and what it takes.</summary>
    public static UsageRange? Parse(IReadOnlyList<string?> values, List<FieldError> errors)
    {
        if (values.Count == 0)
        {
            return All[0];
        }

        if (values.Count == 1 && All.FirstOrDefault(r => r.Name == values[0]) is { } found)
        {
            return found;
        }

        errors.Add(new FieldError("range", $"must be one of {string.Join(", ", All.Select(r => r.Name))}, e.g. range=24h"));
        return null;
    }
}

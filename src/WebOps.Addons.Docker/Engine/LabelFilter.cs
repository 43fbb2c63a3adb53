namespace WebOps.Addons.Docker.Engine;

/// <summary>Builds the engine's <c>filters</c> argument: every given label must match (<c>key=value</c>).</summary>
internal static class LabelFilter
{
    public static Dictionary<string, IDictionary<string, bool>> For(IReadOnlyDictionary<string, string> labels, string? type = null)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = labels.ToDictionary(pair => $"{pair.Key}={pair.Value}", _ => true),
        };
        if (type is not null)
        {
            filters["type"] = new Dictionary<string, bool> { [type] = true };
        }

        return filters;
    }

    public static string Describe(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.Select(pair => $"{pair.Key}={pair.Value}"));
}

namespace WebOps.Core.Validation;

/// <summary>Fields with a fixed set of lowercase values, matched exactly so stored data has one spelling.</summary>
internal static class ChoiceRule
{
    public static readonly string[] ProjectTypes = ["auto", "django", "static", "llm", "compose"];

    public static readonly string[] NetworkModes = ["bridge", "host", "none"];

    public static readonly string[] TlsModes = ["auto", "off"];

    public static readonly string[] Targets = ["local", "swarm"];

    public static string? Check(string value, string[] allowed)
    {
        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return null;
        }

        var list = string.Join(", ", allowed);
        var match = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        return match is not null
            ? $"must be lowercase; use '{match}' instead"
            : $"is {Describe.Quote(value)}, which is not one of the allowed values; use one of: {list}";
    }
}

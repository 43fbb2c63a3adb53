using System.Globalization;
using System.Text.RegularExpressions;

namespace WebOps.Core.Resources;

/// <summary>Durations as Docker writes them (Go durations without fractions): <c>30s</c>, <c>1m30s</c>, <c>500ms</c>, <c>2h</c>.</summary>
public static partial class DurationText
{
    public static TimeSpan? TryParse(string text)
    {
        if (text.Length == 0 || text.Length > 32 || !Whole().IsMatch(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            var n = long.Parse(part.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            total += part.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return total;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a duration such as 30s or 1m30s.");

    [GeneratedRegex(@"^(\d{1,9}(ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<n>\d{1,9})(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}

using System.Globalization;

namespace WebOps.Core.Accounts;

/// <summary>
/// A token's lifetime as typed after <c>--expires</c>: a whole number of days (<c>30d</c>) or hours (<c>12h</c>), or
/// <c>never</c>.
/// </summary>
public static class TokenLifetime
{
    /// <summary>Ten years: beyond it "never" says what is meant.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(3650);

    /// <summary>The lifetime (null for never), or an error that says what to type instead.</summary>
    public static (TimeSpan? Lifetime, string? Error) Parse(string? text)
    {
        if (text == "never")
        {
            return (null, null);
        }

        var unit = text is { Length: >= 2 } ? text[^1] : '\0';
        if (unit is 'd' or 'h'
            && int.TryParse(text![..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1)
        {
            var most = unit == 'd' ? Longest.TotalDays : Longest.TotalHours;
            return count <= most
                ? (unit == 'd' ? TimeSpan.FromDays(count) : TimeSpan.FromHours(count), null)
                : (null, $"'{text}' is longer than {Longest.Days}d; use never for a token that does not expire.");
        }

        return (null, $"'{text}' is not a lifetime; give days or hours like 30d or 12h, or never.");
    }
}

using System.Globalization;
using System.Text;

namespace WebOps.Core.Validation;

/// <summary>
/// Renders user text inside messages: quoted, shortened, with control characters made visible,
/// so a hostile value cannot break a log line or hide what was rejected.
/// </summary>
internal static class Describe
{
    private const int QuoteMaxLength = 60;

    public static string Quote(string value) => "'" + Visible(value, QuoteMaxLength) + "'";

    /// <summary>Text safe to embed in a field path such as <c>env_vars[...]</c>.</summary>
    public static string Visible(string value, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in value)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? Escape(c) : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Names one character for a message: <c>'_'</c>, <c>a space</c> or <c>control character U+0007</c>.</summary>
    public static string Char(char c) => c switch
    {
        ' ' => "a space",
        _ when char.IsWhiteSpace(c) || char.IsControl(c) =>
            string.Create(CultureInfo.InvariantCulture, $"control character U+{(int)c:X4}"),
        _ => $"'{c}'",
    };

    /// <summary>A count with thousands separators, independent of the server's culture.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string TooLong(int length, int limit) => $"is {Count(length)} characters long; the limit is {Count(limit)}";

    public static int FirstControlOrWhiteSpace(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) || char.IsWhiteSpace(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static int FirstControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}

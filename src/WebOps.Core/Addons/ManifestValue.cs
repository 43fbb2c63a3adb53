using System.Globalization;
using System.Text;

namespace WebOps.Core.Addons;

/// <summary>
/// A manifest's value as quoted in an error message: at most 60 characters (the rest counted, not printed) and control
/// or invisible characters shown as <c>\uXXXX</c>, so a hostile manifest cannot flood the log or reorder the text a
/// reader sees (a right-to-left override, say).
/// </summary>
public static class ManifestValue
{
    private const int MaxShown = 60;

    public static string Quote(string? value)
    {
        value ??= "";
        var shown = new StringBuilder(Math.Min(value.Length, MaxShown) + 8);
        var i = 0;
        for (; i < value.Length && i < MaxShown; i++)
        {
            var c = value[i];
            var category = char.GetUnicodeCategory(c);
            if (char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        return i < value.Length ? $"'{shown}…' ({value.Length} characters)" : $"'{shown}'";
    }
}

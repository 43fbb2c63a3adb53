using System.Globalization;
using System.Text.RegularExpressions;

namespace WebOps.Core.Resources;

/// <summary>
/// Sizes in Docker's notation (<c>--memory</c>, <c>max-size</c>): a number and an optional unit b, k, m, g or t, in
/// powers of 1024, with an optional trailing <c>b</c> or <c>ib</c> (<c>256m</c>, <c>1.5g</c>, <c>512MiB</c>).
/// </summary>
public static partial class ByteSize
{
    public const long Mebibyte = 1024L * 1024;

    /// <summary>The bytes <paramref name="text"/> stands for, or null when it is not Docker notation (or too big).</summary>
    public static long? TryParse(string text)
    {
        var match = Notation().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var unit = match.Groups["u"].Value.ToLowerInvariant() switch
        {
            "k" => 1024m,
            "m" => Mebibyte,
            "g" => Mebibyte * 1024,
            "t" => Mebibyte * 1024 * 1024,
            _ => 1m,
        };
        var bytes = number * unit;
        return bytes > long.MaxValue ? null : (long)bytes;
    }

    public static long Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a size in Docker notation, e.g. 256m or 1g.");

    /// <summary>Docker notation for <paramref name="bytes"/>, in the largest unit that divides it: <c>64m</c>, <c>1g</c>, <c>1536k</c>.</summary>
    public static string ToDocker(long bytes)
    {
        foreach (var (unit, size) in new[] { ("g", Mebibyte * 1024), ("m", Mebibyte), ("k", 1024L) })
        {
            if (bytes >= size && bytes % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / size}{unit}");
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>How people read a size: <c>64 MiB</c>, <c>1.5 GiB</c>, <c>512 KiB</c>, <c>100 B</c>.</summary>
    public static string Describe(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var value = (decimal)bytes;
        var i = 0;
        while (value >= 1024 && i < units.Length - 1)
        {
            value /= 1024;
            i++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(value, 1):0.#} {units[i]}");
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?) ?(?<u>[bkmgt])?(i?b)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notation();
}

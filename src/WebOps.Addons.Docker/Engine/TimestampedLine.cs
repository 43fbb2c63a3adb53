using System.Globalization;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Parses a log line the engine prefixed with an RFC 3339 timestamp (<c>2024-05-01T10:00:00.123456789Z text</c>).</summary>
public static class TimestampedLine
{
    public static RuntimeLogLine Parse(string stream, string raw)
    {
        var space = raw.IndexOf(' ', StringComparison.Ordinal);
        var stamp = space > 0 ? raw[..space] : raw;
        return TryParseTime(stamp, out var time)
            ? new RuntimeLogLine(time, stream, space > 0 ? raw[(space + 1)..] : "")
            : new RuntimeLogLine(null, stream, raw);
    }

    private static bool TryParseTime(string stamp, out DateTimeOffset time)
    {
        // The engine writes nanoseconds; .NET parses at most 7 fractional digits.
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        var zone = stamp.LastIndexOfAny(['Z', '+', '-']);
        if (dot > 0 && zone > dot && zone - dot - 1 > 7)
        {
            stamp = string.Concat(stamp.AsSpan(0, dot + 8), stamp.AsSpan(zone));
        }

        return DateTimeOffset.TryParseExact(
            stamp, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }
}

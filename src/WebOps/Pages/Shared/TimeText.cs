using System.Globalization;

namespace WebOps.Pages.Shared;

/// <summary>Times as the pages print them: UTC on the server, turned into local time by the browser.</summary>
public static class TimeText
{
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Duration(DateTimeOffset? started, DateTimeOffset? finished)
    {
        if (started is not { } s || finished is not { } f)
        {
            return "";
        }

        var span = f - s;
        return span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
    }

    public static string ShortSha(string? sha) => sha is { Length: > 10 } ? sha[..10] : sha ?? "";
}

using System.Globalization;
using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary>How a deployment log line is printed: <c>HH:mm:ss source: message</c>, plain or with colours.</summary>
public static class LogFormat
{
    public static string Plain(LogEntry line, TimeZoneInfo zone) =>
        $"{Time(line, zone)} {line.Source}: {Level(line)}{line.Message}";

    public static string Markup(LogEntry line, TimeZoneInfo zone)
    {
        var colour = line.Level switch
        {
            "error" => "red",
            "warning" => "yellow",
            _ => "default",
        };
        return $"[grey]{Time(line, zone)}[/] [blue]{Spectre.Console.Markup.Escape(line.Source)}:[/] [{colour}]{Spectre.Console.Markup.Escape(Level(line) + line.Message)}[/]";
    }

    /// <summary>An app's own output line: its time when the runtime gave one, and the text as the app wrote it.</summary>
    public static string Plain(RuntimeLine line, TimeZoneInfo zone) =>
        line.Time is { } t ? $"{TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} {line.Text}" : line.Text;

    /// <summary>"42 s", "3 min 05 s": how long a deploy has been running, for the spinner.</summary>
    public static string Elapsed(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s");

    private static string Time(LogEntry line, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(line.Time, zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    // Warnings and errors say so in words too, for output without colours.
    private static string Level(LogEntry line) => line.Level is "error" or "warning" ? line.Level + ": " : "";
}

using System.Globalization;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Supervision;

/// <summary>The line format of <c>app.log</c>: <c>TIME STREAM TEXT</c>, time in UTC ISO 8601.</summary>
public static class AppLogFile
{
    public static string Format(RuntimeLogLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{line.Time?.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {line.Stream} {line.Text}");

    public static RuntimeLogLine Parse(string text)
    {
        var parts = text.Split(' ', 3);
        if (parts.Length >= 2 && parts[1] is "stdout" or "stderr"
            && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return new RuntimeLogLine(time, parts[1], parts.Length == 3 ? parts[2] : "");
        }

        return new RuntimeLogLine(null, "stdout", text);
    }

    /// <summary>The last <paramref name="count"/> lines of the file (empty when it does not exist).</summary>
    public static async Task<IReadOnlyList<RuntimeLogLine>> TailAsync(string path, int count, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var last = new Queue<string>();
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            last.Enqueue(line);
            if (last.Count > count)
            {
                last.Dequeue();
            }
        }

        return [.. last.Select(Parse)];
    }
}

using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// The last output of a failed release for its error message: the last lines of each stream, stdout first. The two
/// files are read in turns, so the order between streams is not known; a long traceback on stderr must not push out
/// what the app printed on stdout.
/// </summary>
public static class OutputTail
{
    public const int LinesPerStream = 15;

    private static readonly string[] Streams = ["stdout", "stderr"];

    public static string Describe(IReadOnlyList<RuntimeLogLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var shown = Streams
            .SelectMany(stream => lines.Where(l => l.Stream == stream).TakeLast(LinesPerStream))
            .Select(l => $"{l.Stream}: {l.Text}")
            .ToList();
        return shown.Count == 0 ? "(none)" : string.Join('\n', shown);
    }
}

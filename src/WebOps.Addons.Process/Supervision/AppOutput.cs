using System.Text;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Supervision;

/// <summary>
/// An app writes its stdout and stderr straight into two files (not pipes to the panel, so it keeps running when
/// the panel exits). This follows both files, keeps the last lines in a <see cref="LogRing"/> and appends them,
/// stream marked, to <c>app.log</c> (rotated to <c>app.log.1</c> past 20 MB).
/// </summary>
public sealed class AppOutput(string stdoutPath, string stderrPath, string appLogPath, LogRing ring, TimeProvider clock)
{
    private const long MaxAppLogBytes = 20 * 1024 * 1024;

    private readonly Stream _stdout = new(stdoutPath, "stdout");
    private readonly Stream _stderr = new(stderrPath, "stderr");

    public LogRing Ring => ring;

    /// <summary>Empties both files before a fresh start; their lines are already in app.log.</summary>
    public void Reset()
    {
        File.WriteAllBytes(_stdout.Path, []);
        File.WriteAllBytes(_stderr.Path, []);
        _stdout.Offset = _stderr.Offset = 0;
    }

    /// <summary>
    /// Renames both files and follows them under the new names from where reading stopped. The app keeps writing to
    /// them: it holds them open, and a rename does not change an open file.
    /// </summary>
    public void MoveTo(string newStdoutPath, string newStderrPath)
    {
        Move(_stdout, newStdoutPath);
        Move(_stderr, newStderrPath);
    }

    /// <summary>Skips what is already in the files (used when adopting an app started by an earlier panel).</summary>
    public void SkipExisting()
    {
        _stdout.Offset = Length(_stdout.Path);
        _stderr.Offset = Length(_stderr.Path);
    }

    /// <summary>Loads the ring from the end of app.log, so logs survive a panel restart.</summary>
    public async Task LoadHistoryAsync(int lines, CancellationToken ct)
    {
        foreach (var line in await AppLogFile.TailAsync(appLogPath, lines, ct))
        {
            ring.Add(line);
        }
    }

    /// <summary>Reads what both files gained since the last call.</summary>
    public async Task PollAsync(CancellationToken ct)
    {
        var lines = new List<RuntimeLogLine>();
        var now = clock.GetUtcNow();
        Read(_stdout, now, lines);
        Read(_stderr, now, lines);
        if (lines.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            ring.Add(line);
            text.Append(AppLogFile.Format(line)).Append('\n');
        }

        if (Length(appLogPath) > MaxAppLogBytes)
        {
            File.Move(appLogPath, appLogPath + ".1", overwrite: true);
        }

        await File.AppendAllTextAsync(appLogPath, text.ToString(), ct);
    }

    private static void Read(Stream stream, DateTimeOffset now, List<RuntimeLogLine> lines)
    {
        var length = Length(stream.Path);
        if (length < stream.Offset)
        {
            stream.Offset = 0;
        }

        if (length == stream.Offset)
        {
            return;
        }

        using var file = new FileStream(stream.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        file.Seek(stream.Offset, SeekOrigin.Begin);
        var buffer = new byte[Math.Min(length - stream.Offset, 4 * 1024 * 1024)];
        var read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var end = Array.LastIndexOf(buffer, (byte)'\n', read - 1);
        if (end < 0)
        {
            return; // no complete line yet
        }

        stream.Offset += end + 1;
        foreach (var text in Encoding.UTF8.GetString(buffer, 0, end).Split('\n'))
        {
            lines.Add(new RuntimeLogLine(now, stream.Name, text.TrimEnd('\r')));
        }
    }

    private static void Move(Stream stream, string path)
    {
        if (File.Exists(stream.Path))
        {
            File.Move(stream.Path, path, overwrite: true);
        }

        stream.Path = path;
    }

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private sealed class Stream(string path, string name)
    {
        public string Path { get; set; } = path;

        public string Name { get; } = name;

        public long Offset { get; set; }
    }
}

using System.Text;

namespace WebOps.Proxy;

/// <summary>
/// The complete lines Caddy appended to a log file since a given length. Caddy rolls the file (renames it and starts a
/// new one) when it is full: a file shorter than what was read is read again from its start.
/// </summary>
public sealed class SlotLogTail(string path, long from)
{
    private long offset = from;
    private string partial = "";

    /// <summary>The file's length now, or 0 when there is none yet: a tail from here sees only what comes next.</summary>
    public static long End(string path)
    {
        try
        {
            var file = new FileInfo(path);
            return file.Exists ? file.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The lines completed since the last call; none when the file is missing or cannot be read now.</summary>
    public IReadOnlyList<string> ReadLines()
    {
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < offset)
            {
                offset = 0;
                partial = "";
            }

            stream.Seek(offset, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
            text = reader.ReadToEnd();
            offset = stream.Position;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not written yet, or being rolled: the checks repeat, so the next read finds them.
            return [];
        }

        var lines = (partial + text).Split('\n');
        partial = lines[^1];
        return lines[..^1];
    }
}

using System.Text;
using Docker.DotNet;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Reads a container's multiplexed output into lines, keeping stdout and stderr apart and in order.</summary>
internal static class LogDemultiplexer
{
    public static async Task<IReadOnlyList<RuntimeLogLine>> ReadAllAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        var lines = new List<RuntimeLogLine>();
        var pending = new Dictionary<string, (Decoder Decoder, StringBuilder Text)>();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                break;
            }

            var name = read.Target == MultiplexedStream.TargetStream.StandardError ? "stderr" : "stdout";
            if (!pending.TryGetValue(name, out var state))
            {
                state = (Encoding.UTF8.GetDecoder(), new StringBuilder());
                pending[name] = state;
            }

            var chars = new char[Encoding.UTF8.GetMaxCharCount(read.Count)];
            var count = state.Decoder.GetChars(buffer, 0, read.Count, chars, 0);
            state.Text.Append(chars, 0, count);
            EmitCompleteLines(name, state.Text, lines);
        }

        foreach (var (name, state) in pending.Where(p => p.Value.Text.Length > 0))
        {
            lines.Add(TimestampedLine.Parse(name, state.Text.ToString()));
        }

        return lines;
    }

    private static void EmitCompleteLines(string stream, StringBuilder text, List<RuntimeLogLine> lines)
    {
        var content = text.ToString();
        var start = 0;
        int newline;
        while ((newline = content.IndexOf('\n', start)) >= 0)
        {
            lines.Add(TimestampedLine.Parse(stream, content[start..newline].TrimEnd('\r')));
            start = newline + 1;
        }

        text.Remove(0, start);
    }
}

using System.Text;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Build;

/// <summary>
/// Turns the engine's build progress messages into whole lines as they arrive, and remembers the step being run
/// and the error, because a failed build is reported in this stream rather than as an exception.
/// </summary>
public sealed class BuildOutput(Action<string> writeLine, Action<string> writeError)
{
    private readonly StringBuilder pending = new();

    /// <summary>The last <c>Step N/M : INSTRUCTION</c> line seen.</summary>
    public string? CurrentStep { get; private set; }

    public string? Error { get; private set; }

    /// <summary>True when the step being run was answered from the build cache (<c>---&gt; Using cache</c>).</summary>
    public int CachedSteps { get; private set; }

    public void Handle(JSONMessage message)
    {
        if (!string.IsNullOrEmpty(message.Stream))
        {
            pending.Append(message.Stream);
            EmitCompleteLines();
        }
        else if (!string.IsNullOrEmpty(message.Status))
        {
            writeLine(string.IsNullOrEmpty(message.ID) ? message.Status : $"{message.ID}: {message.Status}");
        }

        if (message.Error is { Message: { Length: > 0 } error })
        {
            Flush();
            Error = error.TrimEnd();
            writeError(Error);
        }
    }

    /// <summary>Writes a last line that had no newline.</summary>
    public void Flush()
    {
        if (pending.Length > 0)
        {
            Emit(pending.ToString());
            pending.Clear();
        }
    }

    private void EmitCompleteLines()
    {
        var text = pending.ToString();
        var start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            Emit(text[start..newline]);
            start = newline + 1;
        }

        pending.Remove(0, start);
    }

    private void Emit(string line)
    {
        line = line.TrimEnd('\r', ' ');
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith("Step ", StringComparison.Ordinal))
        {
            CurrentStep = line;
        }
        else if (line.Contains("Using cache", StringComparison.Ordinal))
        {
            CachedSteps++;
        }

        writeLine(line);
    }
}

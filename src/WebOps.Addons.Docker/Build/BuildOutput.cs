using System.Text;
using Docker.DotNet.Models;
using WebOps.Core.Deployments;
using WebOps.Core.Text;

namespace WebOps.Addons.Docker.Build;

/// <summary>
/// Turns the engine's build progress messages into whole plain-text lines as they arrive, each with a level, and
/// remembers the step being run, its output and the error, because a failed build is reported in this stream rather
/// than as an exception.
/// </summary>
/// <remarks>
/// The legacy builder sends a RUN step's stdout and stderr alike as <c>stream</c> text; the only mark of stderr is
/// the colour it wraps every stderr write in (<c>ESC[91m</c> … <c>ESC[0m</c>, moby's streamformatter stderr writer).
/// A line whose text starts under that colour is logged as a warning. A line that starts with <c>ERROR:</c> or
/// <c>error:</c> (any case) is logged as an error whichever stream it came on: that is how pip, apt, npm, cargo and
/// most build tools announce the line that explains a failure, and it is the line a reader scans the log for. A
/// program that colours its own stdout bright red would be logged as warnings; a wrong level costs less than a
/// missed error.
/// </remarks>
public sealed class BuildOutput(Action<DeploymentLogLevel, string> write)
{
    /// <summary>Output lines of one step kept for the failure message; older ones are dropped.</summary>
    private const int KeptStepLines = 200;

    private readonly StringBuilder pending = new();
    private readonly Queue<BuildLine> stepLines = new();
    private bool stderrColour;

    /// <summary>The last <c>Step N/M : INSTRUCTION</c> line seen.</summary>
    public string? CurrentStep { get; private set; }

    public string? Error { get; private set; }

    /// <summary>How many steps were answered from the build cache (<c>---&gt; Using cache</c>).</summary>
    public int CachedSteps { get; private set; }

    /// <summary>What the current step printed (the newest <see cref="KeptStepLines"/> lines), without the builder's own lines.</summary>
    public IReadOnlyList<BuildLine> StepOutput => [.. stepLines];

    public void Handle(JSONMessage message)
    {
        if (!string.IsNullOrEmpty(message.Stream))
        {
            pending.Append(message.Stream);
            EmitCompleteLines();
        }
        else if (!string.IsNullOrEmpty(message.Status))
        {
            var status = TerminalText.Strip(string.IsNullOrEmpty(message.ID) ? message.Status : $"{message.ID}: {message.Status}");
            write(DeploymentLogLevel.Info, status);
        }

        if (message.Error is { Message: { Length: > 0 } error })
        {
            Flush();
            Error = TerminalText.Strip(error).TrimEnd();
            write(DeploymentLogLevel.Error, Error);
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

    private void Emit(string raw)
    {
        var fromStderr = StartsInStderrColour(raw);
        var line = TerminalText.Strip(raw).TrimEnd();
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith("Step ", StringComparison.Ordinal))
        {
            CurrentStep = line;
            stepLines.Clear();
            write(DeploymentLogLevel.Info, line);
            return;
        }

        if (IsBuilderLine(line))
        {
            if (line.Contains("Using cache", StringComparison.Ordinal))
            {
                CachedSteps++;
            }

            write(DeploymentLogLevel.Info, line);
            return;
        }

        var level = line.StartsWith("error:", StringComparison.OrdinalIgnoreCase) ? DeploymentLogLevel.Error
            : fromStderr ? DeploymentLogLevel.Warning
            : DeploymentLogLevel.Info;
        stepLines.Enqueue(new BuildLine(level, line));
        if (stepLines.Count > KeptStepLines)
        {
            stepLines.Dequeue();
        }

        write(level, line);
    }

    /// <summary>The builder's own progress lines between steps, not output of the step's command.</summary>
    private static bool IsBuilderLine(string line) =>
        line.StartsWith(" ---> ", StringComparison.Ordinal)
        || line.StartsWith("Removing intermediate container ", StringComparison.Ordinal)
        || line.StartsWith("Successfully built ", StringComparison.Ordinal)
        || line.StartsWith("Successfully tagged ", StringComparison.Ordinal);

    /// <summary>
    /// Follows the stderr colour through the stream (a write may span lines, and its closing reset arrives at the
    /// start of the next line) and tells whether the line's first visible character is written in it.
    /// </summary>
    private bool StartsInStderrColour(string raw)
    {
        bool? atFirstText = null;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\u001b' && i + 1 < raw.Length && raw[i + 1] == '[')
            {
                var end = i + 2;
                while (end < raw.Length && raw[end] is >= '0' and <= '?')
                {
                    end++;
                }

                if (end < raw.Length && raw[end] == 'm')
                {
                    var parameters = raw[(i + 2)..end];
                    stderrColour = parameters == "91" || (stderrColour && parameters is not ("" or "0" or "39"));
                }

                i = end;
            }
            else if (atFirstText is null && !char.IsWhiteSpace(raw[i]) && !char.IsControl(raw[i]))
            {
                atFirstText = stderrColour;
            }
        }

        return atFirstText ?? stderrColour;
    }
}

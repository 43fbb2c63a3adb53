using WebOps.Core.Deployments;
using WebOps.Core.Processes;

namespace WebOps.Core.Hooks;

/// <summary>Copies an executable hook's output lines to the deployment log and remembers the last ones.</summary>
internal sealed class HookOutput(IDeploymentLog log, string source)
{
    /// <summary>Longer lines are cut in the log, so one runaway line cannot flood it.</summary>
    private const int MaxLineLength = 8192;

    public string Source => source;

    public string? LastStdout { get; private set; }

    public string? LastStderr { get; private set; }

    /// <summary>Stdout lines are logged as info, stderr lines as warnings. Called one line at a time by the runner.</summary>
    public void Write(OutputLine line)
    {
        var text = line.Text.Length > MaxLineLength ? line.Text[..MaxLineLength] + " …(cut)" : line.Text;
        if (line.IsError)
        {
            LastStderr = line.Text.Length > 0 ? line.Text.Trim() : LastStderr;
        }
        else
        {
            LastStdout = line.Text.Length > 0 ? line.Text : LastStdout;
        }

        log.Write(line.IsError ? DeploymentLogLevel.Warning : DeploymentLogLevel.Info, source, text);
    }
}

using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>Copies an executable hook's output lines to the deployment log and remembers the last ones.</summary>
internal sealed class HookOutput(IDeploymentLog log, string source)
{
    /// <summary>Longer lines are cut in the log, so one runaway line cannot flood it.</summary>
    private const int MaxLineLength = 8192;

    private readonly Lock gate = new();

    public string Source => source;

    public string? LastStdout { get; private set; }

    public string? LastStderr { get; private set; }

    public async Task PumpAsync(StreamReader reader, DeploymentLogLevel level)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var text = line.Length > MaxLineLength ? line[..MaxLineLength] + " …(cut)" : line;
                lock (gate)
                {
                    if (level == DeploymentLogLevel.Info)
                    {
                        LastStdout = line.Length > 0 ? line : LastStdout;
                    }
                    else
                    {
                        LastStderr = line.Length > 0 ? line.Trim() : LastStderr;
                    }

                    log.Write(level, source, text);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The run ended while an orphaned process still held the pipe open.
        }
        catch (IOException)
        {
            // Same: the pipe was torn down under the reader.
        }
    }
}

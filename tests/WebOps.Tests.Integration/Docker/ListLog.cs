using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Integration.Docker;

/// <summary>The deployment log as the orchestrator provides it, collected in memory (thread-safe).</summary>
public sealed class ListLog : IDeploymentLog
{
    private readonly List<(DeploymentLogLevel Level, string Source, string Message)> lines = [];

    public IReadOnlyList<(DeploymentLogLevel Level, string Source, string Message)> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public string Text => string.Join('\n', Lines.Select(l => $"[{l.Level}] {l.Source}: {l.Message}"));

    public void Write(DeploymentLogLevel level, string source, string message)
    {
        lock (lines)
        {
            lines.Add((level, source, message));
        }
    }
}

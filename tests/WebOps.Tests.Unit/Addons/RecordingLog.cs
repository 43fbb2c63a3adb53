using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

/// <summary>A deployment log that keeps its lines, rendered as the UI shows them: <c>[source] message</c>.</summary>
public sealed class RecordingLog : IDeploymentLog
{
    private readonly Lock gate = new();
    private readonly List<(DeploymentLogLevel Level, string Source, string Message)> entries = [];

    public IReadOnlyList<(DeploymentLogLevel Level, string Source, string Message)> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    public IReadOnlyList<string> Lines => Entries.Select(e => $"[{e.Source}] {e.Message}").ToList();

    public void Write(DeploymentLogLevel level, string source, string message)
    {
        lock (gate)
        {
            entries.Add((level, source, message));
        }
    }
}

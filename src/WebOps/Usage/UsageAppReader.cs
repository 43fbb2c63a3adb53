using WebOps.Addons.Docker.Engine;
using WebOps.Core.Deployments;

namespace WebOps.Usage;

/// <summary>Reads one running deployment through the reader that fits it, or says why it cannot be sampled.</summary>
public sealed partial class UsageAppReader(DockerUsageReader docker, ProcessUsageReader processes, ILogger<UsageAppReader> logger)
{
    public const string NoProcessId = "not sampled: the process runs under a systemd unit, whose process id the panel does not hold";
    public const string EngineDown = "not sampled: the Docker engine does not answer";
    public const string NotRunning = "not sampled: nothing of it is running now";

    public async Task<(UsageReading? Reading, AppUsage Usage)> ReadAsync(Deployment d, CancellationToken ct)
    {
        try
        {
            if (d.UseDocker)
            {
                return await docker.ReadAsync(d.ContainerId ?? d.ContainerName, ct) is { } read
                    ? (read.Reading, new AppUsage(null, null, read.Restarts, read.OomKilled))
                    : (null, AppUsage.Unsampled(NotRunning));
            }

            if (d.ProcessId is not { } pid)
            {
                return (null, AppUsage.Unsampled(NoProcessId));
            }

            return await processes.ReadAsync(pid, ct) is { } reading
                ? (reading, new AppUsage(null, null))
                : (null, AppUsage.Unsampled(NotRunning));
        }
        catch (DockerUnavailableException e)
        {
            LogReadFailed(logger, e, d.Name);
            return (null, AppUsage.Unsampled(EngineDown));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogReadFailed(logger, e, d.Name);
            return (null, AppUsage.Unsampled($"not sampled: reading it failed ({e.Message.Split('\n')[0]})"));
        }
    }

    public void KeepOnly(IReadOnlyList<Deployment> running)
    {
        docker.KeepOnly(running.Where(d => d.UseDocker).Select(d => d.ContainerId ?? d.ContainerName).ToHashSet());
        processes.KeepOnly(running.Where(d => !d.UseDocker && d.ProcessId is not null).Select(d => d.ProcessId!.Value).ToHashSet());
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Usage: could not read deployment {Name}")]
    private static partial void LogReadFailed(ILogger logger, Exception e, string name);
}

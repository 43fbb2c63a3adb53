using System.Threading.Channels;

namespace WebOps.Deploys;

/// <summary>
/// Deploy runs waiting for a worker. A deployment has at most one run queued or running: a second request is
/// refused with the run that holds it, so two builds of one app never overlap.
/// </summary>
public sealed class DeployQueue
{
    private readonly Channel<QueuedRun> channel = Channel.CreateUnbounded<QueuedRun>();
    private readonly Dictionary<int, int> active = [];
    private readonly Lock gate = new();

    public ChannelReader<QueuedRun> Reader => channel.Reader;

    /// <summary>Claims the deployment's slot; false (with the holder's run id, 0 while it is being created) if taken.</summary>
    public bool TryClaim(int deploymentId, out int holderRunId)
    {
        lock (gate)
        {
            if (active.TryGetValue(deploymentId, out holderRunId))
            {
                return false;
            }

            active[deploymentId] = 0;
            return true;
        }
    }

    public void Enqueue(int deploymentId, int runId)
    {
        lock (gate)
        {
            active[deploymentId] = runId;
        }

        channel.Writer.TryWrite(new QueuedRun(deploymentId, runId));
    }

    public void Release(int deploymentId)
    {
        lock (gate)
        {
            active.Remove(deploymentId);
        }
    }

    public bool IsBusy(int deploymentId)
    {
        lock (gate)
        {
            return active.ContainsKey(deploymentId);
        }
    }
}

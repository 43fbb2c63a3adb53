using System.Threading.Channels;

namespace WebOps.Deploys;

/// <summary>
/// Deploy runs waiting for a worker, and what each deployment has queued or executing (<see cref="DeploySlot"/>).
/// A deployment has at most one run executing and one waiting; the waiting one reaches the workers only when the
/// executing one ends, so two runs of one app never overlap, while runs of different apps go side by side.
/// </summary>
public sealed class DeployQueue : IDisposable
{
    private readonly Channel<QueuedRun> channel = Channel.CreateUnbounded<QueuedRun>();
    private readonly Dictionary<int, DeploySlot> slots = [];
    private readonly Lock gate = new();

    // Replaced runs already handed to the workers: a worker that takes one off the channel skips it.
    private readonly HashSet<int> replacedInChannel = [];

    // Deciding "join the waiting run or save a new one" spans a database write; requests take turns so two never both save one.
    private readonly SemaphoreSlim requests = new(1, 1);

    public ChannelReader<QueuedRun> Reader => channel.Reader;

    /// <summary>Runs one deploy request's decision and queueing while no other request does.</summary>
    public async Task<T> OneRequestAtATimeAsync<T>(Func<Task<T>> request, CancellationToken ct)
    {
        await requests.WaitAsync(ct);
        try
        {
            return await request();
        }
        finally
        {
            requests.Release();
        }
    }

    /// <summary>The run of the deployment that waits to start (a new request joins it), or null.</summary>
    public int? WaitingRun(int deploymentId)
    {
        lock (gate)
        {
            return Slot(deploymentId).RunToJoin;
        }
    }

    /// <summary>Queues a saved run; returns the run it waits behind (executing now), or null when it goes to the workers at once.</summary>
    public int? Enqueue(int deploymentId, int runId)
    {
        lock (gate)
        {
            var slot = Slot(deploymentId);
            var (next, dispatchNow) = slot.Queue(runId);
            slots[deploymentId] = next;
            if (!dispatchNow)
            {
                return slot.Executing;
            }

            channel.Writer.TryWrite(new QueuedRun(deploymentId, runId));
            return null;
        }
    }

    /// <summary>
    /// Queues a saved run in place of the waiting run <paramref name="replaced"/>, which will not run. When a worker
    /// started that run meanwhile, the new run queues after it instead. Returns the run it waits behind and whether it
    /// replaced <paramref name="replaced"/>.
    /// </summary>
    public (int? Behind, bool Replaced) EnqueueInstead(int deploymentId, int runId, int replaced)
    {
        lock (gate)
        {
            var slot = Slot(deploymentId);
            if (slot.Waiting != replaced)
            {
                return (Enqueue(deploymentId, runId), false);
            }

            var (next, dispatchNow) = slot.Replace(replaced, runId);
            slots[deploymentId] = next;
            if (!dispatchNow)
            {
                return (slot.Executing, true);
            }

            // Nothing executed, so the replaced run is already in the channel.
            replacedInChannel.Add(replaced);
            channel.Writer.TryWrite(new QueuedRun(deploymentId, runId));
            return (null, true);
        }
    }

    /// <summary>
    /// A worker starts <paramref name="run"/>; from now on a request queues a run after it. False when the run was
    /// replaced before it started: the worker skips it.
    /// </summary>
    public bool Started(QueuedRun run)
    {
        lock (gate)
        {
            if (replacedInChannel.Remove(run.RunId))
            {
                return false;
            }

            slots[run.DeploymentId] = Slot(run.DeploymentId).Start(run.RunId);
            return true;
        }
    }

    /// <summary><paramref name="run"/> ended; the deployment's waiting run, if any, goes to the workers.</summary>
    public void Finished(QueuedRun run)
    {
        lock (gate)
        {
            var (next, dispatch) = Slot(run.DeploymentId).Finish(run.RunId);
            if (next.IsEmpty)
            {
                slots.Remove(run.DeploymentId);
            }
            else
            {
                slots[run.DeploymentId] = next;
            }

            if (dispatch is { } waiting)
            {
                channel.Writer.TryWrite(new QueuedRun(run.DeploymentId, waiting));
            }
        }
    }

    /// <summary>True while a run of the deployment is queued or executing.</summary>
    public bool IsBusy(int deploymentId)
    {
        lock (gate)
        {
            return !Slot(deploymentId).IsEmpty;
        }
    }

    public void Dispose() => requests.Dispose();

    private DeploySlot Slot(int deploymentId) => slots.GetValueOrDefault(deploymentId) ?? DeploySlot.Empty;
}

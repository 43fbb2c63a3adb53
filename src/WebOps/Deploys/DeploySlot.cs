namespace WebOps.Deploys;

/// <summary>
/// The deploy runs of one deployment the queue holds: at most one executing and at most one waiting. A waiting run
/// has not cloned yet (it clones when it starts), so every request made while it waits is answered with it: it will
/// deploy the newest commit anyway. A different request (a rollback while a deploy waits, or a rollback to another
/// release) replaces the waiting run instead: the newest request wins. A request while a run executes queues exactly
/// one more. Pure: the queue keeps one
/// slot per deployment under its lock and does what the slot answers.
/// </summary>
public sealed record DeploySlot(int? Executing, int? Waiting)
{
    public static readonly DeploySlot Empty = new(null, null);

    public bool IsEmpty => Executing is null && Waiting is null;

    /// <summary>The waiting run a new request joins, or null when the request needs a run of its own.</summary>
    public int? RunToJoin => Waiting;

    /// <summary>A new run was saved for this deployment. It goes to the workers now unless a run of the deployment executes.</summary>
    public (DeploySlot Slot, bool DispatchNow) Queue(int runId) =>
        Waiting is { } waiting
            ? throw new InvalidOperationException($"Run #{runId} cannot be queued: run #{waiting} of the same deployment is waiting; join it instead.")
            : (this with { Waiting = runId }, Executing is null);

    /// <summary>
    /// A new run takes the place of the waiting run <paramref name="replaced"/> (a different request: a rollback while a
    /// deploy waits, or the other way round), which will not run. It goes to the workers now unless a run executes.
    /// </summary>
    public (DeploySlot Slot, bool DispatchNow) Replace(int replaced, int runId) =>
        Waiting == replaced
            ? (this with { Waiting = runId }, Executing is null)
            : throw new InvalidOperationException($"Run #{runId} cannot replace run #{replaced}: the deployment's slot holds executing {Text(Executing)}, waiting {Text(Waiting)}.");

    /// <summary>A worker took the waiting run off the queue and starts it now.</summary>
    public DeploySlot Start(int runId) =>
        Waiting == runId && Executing is null
            ? new DeploySlot(runId, null)
            : throw new InvalidOperationException($"Run #{runId} cannot start: the deployment's slot holds executing {Text(Executing)}, waiting {Text(Waiting)}.");

    /// <summary>The executing run ended; the waiting run, if any, goes to the workers now.</summary>
    public (DeploySlot Slot, int? Dispatch) Finish(int runId) =>
        Executing == runId
            ? (new DeploySlot(null, Waiting), Waiting)
            : throw new InvalidOperationException($"Run #{runId} cannot finish: the deployment's slot holds executing {Text(Executing)}, waiting {Text(Waiting)}.");

    private static string Text(int? run) => run is { } id ? $"#{id}" : "none";
}

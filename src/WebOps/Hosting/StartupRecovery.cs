namespace WebOps.Hosting;

/// <summary>
/// Whether the work that follows listening has finished: addon discovery, the addons' recovery of what a stopped
/// panel left half-done (a <c>.next</c> or <c>.previous</c> release, processes to adopt), the status of interrupted
/// deploys, the start of the workers (deploys, health, edge), and the work the start-up tasks left running (the first
/// admin, see <see cref="Include"/>). Until then <c>/healthz</c> says <c>starting</c> and requests that change state
/// wait (<see cref="RecoveryGate"/>), so none sees a half-recovered app, and a login finds the first admin.
/// </summary>
public sealed class StartupRecovery
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource database = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task included = Task.CompletedTask;

    public bool IsFinished => finished.Task.IsCompleted;

    /// <summary>
    /// The start-up tasks' work on the database (migrations, runs a stopped panel left half-done), which runs while the
    /// server starts listening: every request waits for it (<see cref="RecoveryGate.UseDatabaseGate"/>), and so does the
    /// work after listening. Faults with the work's failure; the panel then stops.
    /// </summary>
    public Task DatabaseReady => database.Task;

    /// <summary>Why the database work or the work after listening failed (the panel then stops), or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Completes when recovery has finished (also when it failed: the panel then stops, see <see cref="AfterListening"/>).</summary>
    public Task WaitAsync(CancellationToken ct) => finished.Task.WaitAsync(ct);

    /// <summary>
    /// Work the start-up tasks began and did not wait for: recovery finishes only once it has too. Called before
    /// <see cref="DatabaseReady"/> completes, so always before <see cref="Finish"/>.
    /// </summary>
    public void Include(Task work) => included = Task.WhenAll(included, work);

    internal void Finish() => _ = FinishAfterIncludedAsync();

    /// <summary>Called by the start-up tasks once their database work has finished, or failed.</summary>
    public void DatabaseDone(Exception? failure = null) =>
        _ = failure is null ? database.TrySetResult() : database.TrySetException(failure);

    internal void Fail(Exception e) => Failure = e;

    private async Task FinishAfterIncludedAsync()
    {
        // A failure there is logged, and the panel stopped, by whoever started the work.
        await included.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        finished.TrySetResult();
    }
}

namespace WebOps.Hosting;

/// <summary>
/// Whether the work that follows listening has finished: addon discovery, the addons' recovery of what a stopped
/// panel left half-done (a <c>.next</c> or <c>.previous</c> release, processes to adopt), the status of interrupted
/// deploys, and the start of the workers (deploys, health, edge). Until then <c>/healthz</c> says <c>starting</c>
/// and requests that change state wait (<see cref="RecoveryGate"/>), so none sees a half-recovered app.
/// </summary>
public sealed class StartupRecovery
{
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsFinished => finished.Task.IsCompleted;

    /// <summary>Completes when recovery has finished (also when it failed: the panel then stops, see <see cref="AfterListening"/>).</summary>
    public Task WaitAsync(CancellationToken ct) => finished.Task.WaitAsync(ct);

    internal void Finish() => finished.TrySetResult();
}

using WebOps.Addons.Docker.Compose;

namespace WebOps.Health;

/// <summary>
/// The Compose CLI as <c>/healthz</c> reports it, without making <c>/healthz</c> wait: the first look starts a process
/// or two (<c>docker compose version</c>, then <c>docker-compose version</c>, about 0.7 s of CPU and over a second
/// with the Python one). It starts on the first <c>/healthz</c> that asks, not at start-up, so a panel that starts
/// on a busy server (or only to run one command) spends nothing on it. Until that look has finished the answer is
/// <c>checking</c>; afterwards it comes from the locator (found once, kept; while none is installed, looked for again at
/// most once a minute). The Addons page and Compose deploys ask the locator themselves and wait for it.
/// </summary>
public sealed class ComposeCliCheck(ComposeCliLocator locator, IHostApplicationLifetime lifetime, ILogger<ComposeCliCheck> logger)
{
    /// <summary>The <c>compose</c> field while the first look runs.</summary>
    public const string Checking = "checking";

    private Task? firstLook;
    private object? firstLookLock;

    /// <summary>The <c>compose</c> field: the CLI's description, <c>not installed</c>, or <see cref="Checking"/>.</summary>
    public async Task<string> DescribeAsync(CancellationToken ct)
    {
        // With the lock, two first calls at once start one look, not two.
        var look = LazyInitializer.EnsureInitialized(ref firstLook, ref firstLookLock, () => Task.Run(LookAsync, CancellationToken.None));
        return look.IsCompleted ? (await locator.FindAsync(ct))?.Describe() ?? "not installed" : Checking;
    }

    private async Task LookAsync()
    {
        try
        {
            await locator.FindAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Later calls ask the locator again, which reports the same failure as "not installed".
            logger.LogWarning(e, "Could not look for the Compose CLI: {Reason}", e.Message);
        }
    }
}

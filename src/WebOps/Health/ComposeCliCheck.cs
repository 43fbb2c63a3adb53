using WebOps.Addons.Docker.Compose;

namespace WebOps.Health;

/// <summary>
/// Looks for the Compose CLI once the server listens, so <c>/healthz</c> does not wait on it: the first look starts
/// a process or two (<c>docker compose version</c>, then <c>docker-compose version</c>, over a second with the
/// Python one). Until that look has finished <c>/healthz</c> reports <c>"compose":"checking"</c>; afterwards it asks
/// the locator (found once, kept; while none is installed, looked for again at most once a minute).
/// </summary>
public sealed class ComposeCliCheck(ComposeCliLocator locator, IHostApplicationLifetime lifetime, ILogger<ComposeCliCheck> logger) : BackgroundService
{
    /// <summary>The <c>compose</c> field while the first look runs.</summary>
    public const string Checking = "checking";

    private volatile bool done;

    /// <summary>The <c>compose</c> field: the CLI's description, <c>not installed</c>, or <see cref="Checking"/>.</summary>
    public async Task<string> DescribeAsync(CancellationToken ct) =>
        done ? (await locator.FindAsync(ct))?.Describe() ?? "not installed" : Checking;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            await locator.FindAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // /healthz asks the locator itself from now on, which reports the same failure as "not installed".
            logger.LogWarning(e, "Could not look for the Compose CLI at start-up: {Reason}", e.Message);
        }

        done = true;
    }
}

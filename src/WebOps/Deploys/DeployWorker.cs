using Microsoft.Extensions.Options;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>
/// Executes queued runs with <c>Deployments:MaxParallel</c> workers, each taking the next run off the queue when it is
/// free. The queue hands out a deployment's next run only after its previous one ended, so runs of one deployment
/// never overlap. Shutting down cancels the runs executing; they record that they were interrupted.
/// </summary>
public sealed class DeployWorker(DeployQueue queue, IServiceScopeFactory scopes, IOptions<DeploymentSettings> settings, ILogger<DeployWorker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.Value.MaxParallel))
            .Select(_ => Task.Run(() => ConsumeAsync(stoppingToken), CancellationToken.None)));

    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ExecuteOneAsync(run, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ExecuteOneAsync(QueuedRun run, CancellationToken ct)
    {
        if (!queue.Started(run))
        {
            // Replaced by a newer request before it started; the run was recorded as cancelled then.
            return;
        }

        // The slot is freed the moment the run's result is saved (not after the run's tidying), so a client that saw
        // the run end can stop or delete the deployment at once; on a crash before that, when the run returns.
        var finished = 0;
        void Finish()
        {
            if (Interlocked.Exchange(ref finished, 1) == 0)
            {
                queue.Finished(run);
            }
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var orchestrator = scope.ServiceProvider.GetRequiredService<DeployOrchestrator>();
            await orchestrator.RunAsync(run.RunId, Finish, ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Deploy run {RunId} crashed", run.RunId);
        }
        finally
        {
            Finish();
        }
    }
}

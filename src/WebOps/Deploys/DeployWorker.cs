using Microsoft.Extensions.Options;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>Takes runs off the queue and executes them, up to <c>Deployments:MaxParallelDeploys</c> at once.</summary>
public sealed class DeployWorker(DeployQueue queue, IServiceScopeFactory scopes, IOptions<DeploymentSettings> settings, ILogger<DeployWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(Math.Max(1, settings.Value.MaxParallelDeploys));
        var running = new List<Task>();
        try
        {
            await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(() => ExecuteOneAsync(run, slots, stoppingToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task ExecuteOneAsync(QueuedRun run, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var orchestrator = scope.ServiceProvider.GetRequiredService<DeployOrchestrator>();
            await orchestrator.RunAsync(run.RunId, ct);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Deploy run {RunId} crashed", run.RunId);
        }
        finally
        {
            queue.Release(run.DeploymentId);
            slots.Release();
        }
    }
}

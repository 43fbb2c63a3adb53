using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Hosting;

namespace WebOps.Health;

/// <summary>
/// At start-up, after the addons settled the releases a killed panel left (the Docker addon's start-up recovery): a
/// deployment whose deploy the stop cut short was marked failed, yet the release that ran before it usually still
/// serves. Its status follows what really runs: running when its runtime reports a release running that answers the
/// HTTP probe (when it has a port), failed otherwise. Its health is then checked at once.
/// </summary>
public sealed partial class InterruptedDeployStatus(
    IServiceScopeFactory scopes,
    IEnumerable<IAppRuntime> runtimes,
    HttpProbe probe,
    HealthChecker checker,
    StatusNotifier notifier,
    DeploymentLogSink sink,
    TimeProvider clock,
    ILogger<InterruptedDeployStatus> logger) : IHostedService
{
    /// <summary>Start-up waits no longer than this on runtimes and probes; what is left stays failed until a redeploy.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var interrupted = await db.Deployments
                .Where(d => d.Status == DeploymentStatus.Failed)
                .Where(d => db.DeployRuns.Where(r => r.DeploymentId == d.Id).OrderByDescending(r => r.Id).Select(r => r.Error).FirstOrDefault()
                    == StartupTasks.InterruptedError)
                .ToListAsync(limit.Token);
            foreach (var d in interrupted)
            {
                await SettleAsync(db, d, limit.Token);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotSettled(logger, e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SettleAsync(WebOpsDbContext db, Deployment d, CancellationToken ct)
    {
        var snapshot = SnapshotFactory.From(d);
        if (runtimes.FirstOrDefault(r => r.Handles(snapshot)) is not { } runtime
            || await runtime.InspectAsync(snapshot, ct) is not { Running: true } state)
        {
            LogStaysFailed(logger, d.Name, "no release of it runs");
            return;
        }

        if ((state.App.HostPort ?? d.HostPort) is { } port)
        {
            var settings = await db.HealthSettings.AsNoTracking().FirstOrDefaultAsync(s => s.DeploymentId == d.Id, ct);
            var answer = await probe.ProbeAsync(port, settings, ct);
            if (answer.Status != HealthState.Healthy)
            {
                LogStaysFailed(logger, d.Name, answer.Message ?? $"port {port} does not answer");
                return;
            }
        }

        // What the page shows must be the release that runs: a release the edge had switched to was kept under the app's name.
        d.Record(state.App with { PublishedPorts = d.PublishedPorts, Url = d.Url });
        d.MoveTo(DeploymentStatus.Running, clock);
        d.Health = HealthState.Unknown;
        await db.SaveChangesAsync(ct);
        new RunLog(sink, d.Name, d.Id, null).Info(
            "webops", $"The panel stopped during a deploy of '{d.Name}'; {state.App.Describe()} still serves, so '{d.Name}' is running.");
        notifier.Changed(d);
        await checker.CheckAsync(d.Id, HealthSources.Sweep, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment {Deployment} stays failed after its interrupted deploy: {Reason}. Redeploy it.")]
    private static partial void LogStaysFailed(ILogger logger, string deployment, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check what runs of deployments whose deploy the panel's stop interrupted: {Reason}. They stay failed until redeployed.")]
    private static partial void LogNotSettled(ILogger logger, string reason);
}

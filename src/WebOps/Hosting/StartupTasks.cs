using Microsoft.EntityFrameworkCore;
using WebOps.Auth;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Hosting;

/// <summary>
/// Runs before every other hosted service (addon discovery, workers): migrate the database, settle runs a
/// previous process left half-done, make sure an admin exists.
/// </summary>
public sealed class StartupTasks(IServiceScopeFactory scopes, FirstAdminNotice notice, TimeProvider clock, StartupTimings timings, ILogger<StartupTasks> logger) : IHostedService
{
    /// <summary>The error of a run the panel's stop cut short; start-up recovery finds those deployments by it.</summary>
    public const string InterruptedError = "interrupted: the panel stopped during this deploy; redeploy";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        timings.TasksStarting();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            await SettleInterruptedRunsAsync(db, cancellationToken);
            await EnsureAdminAsync(scope.ServiceProvider.GetRequiredService<AccountService>(), cancellationToken);
        }

        timings.TasksFinished();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A run that was executing failed (it was cut short); a run still waiting in the queue never started and is
    /// cancelled, so nothing deploys by surprise after a restart and the runs list says what happened to it.
    /// </summary>
    private async Task SettleInterruptedRunsAsync(WebOpsDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var unfinished = await db.DeployRuns.Where(r => r.Result == "queued" || r.Result == "running").ToListAsync(ct);
        foreach (var run in unfinished)
        {
            var started = run.Result == "running";
            run.Result = started ? "failed" : "cancelled";
            run.Error = started
                ? InterruptedError
                : "cancelled: the panel stopped before this deploy started; redeploy";
            run.FinishedAt = now;
        }

        // Only deployments whose deploy was cut short; a pending LLM deployment waiting for its settings stays pending.
        var ids = unfinished.Select(r => r.DeploymentId).ToHashSet();
        foreach (var d in await db.Deployments.Where(d => ids.Contains(d.Id) || d.Status == DeploymentStatus.Building).ToListAsync(ct))
        {
            if (d.Status is DeploymentStatus.Building or DeploymentStatus.Pending)
            {
                d.MoveTo(DeploymentStatus.Failed, clock);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first visitor never becomes admin: the password is printed to the console of whoever started the panel.</summary>
    private async Task EnsureAdminAsync(AccountService accounts, CancellationToken ct)
    {
        if (await accounts.AnyUserAsync(ct))
        {
            return;
        }

        var password = TokenHasher.NewPassword();
        await accounts.CreateUserAsync("admin", password, ct);
        logger.LogWarning("Created the first user 'admin'; its one-time password is printed to the console once start-up has finished.");
        notice.Announce(password);
    }
}

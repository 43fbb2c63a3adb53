using Microsoft.EntityFrameworkCore;
using WebOps.Auth;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Hosting;

/// <summary>
/// Runs before every other hosted service (addon discovery, workers): migrate the database, settle runs a
/// previous process left half-done, make sure an admin exists. The first admin is created while the server starts
/// listening (hashing its password is slow on purpose) and start-up recovery waits for it, so a login, which waits
/// for recovery (<see cref="RecoveryGate"/>), finds it, and <c>/healthz</c> says ok only once it exists.
/// </summary>
public sealed class StartupTasks(
    IServiceScopeFactory scopes, FirstAdminNotice notice, StartupRecovery recovery, IHostApplicationLifetime lifetime, TimeProvider clock,
    StartupTimings timings, ILogger<StartupTasks> logger) : IHostedService
{
    /// <summary>The error of a run the panel's stop cut short; start-up recovery finds those deployments by it.</summary>
    public const string InterruptedError = "interrupted: the panel stopped during this deploy; redeploy";

    /// <summary>The first user's name.</summary>
    public const string FirstAdmin = "admin";

    private Task firstAdmin = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        timings.TasksStarting();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            // A new database holds no runs and no users: nothing to settle and nothing to ask.
            var created = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            if (created || !await SettleAndFindUsersAsync(db, scope.ServiceProvider.GetRequiredService<AccountService>(), cancellationToken))
            {
                firstAdmin = Task.Run(CreateFirstAdminAsync, CancellationToken.None);
                recovery.Include(firstAdmin);
            }
        }

        timings.TasksFinished();
    }

    /// <summary>A panel stopped right after its first start still creates, and prints, its first admin.</summary>
    public async Task StopAsync(CancellationToken cancellationToken) =>
        await firstAdmin.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private async Task<bool> SettleAndFindUsersAsync(WebOpsDbContext db, AccountService accounts, CancellationToken ct)
    {
        await SettleInterruptedRunsAsync(db, ct);
        return await accounts.AnyUserAsync(ct);
    }

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

    /// <summary>
    /// The first visitor never becomes admin: the password is printed to the console of whoever started the panel. A
    /// failure stops the panel, as it did when this ran before listening.
    /// </summary>
    private async Task CreateFirstAdminAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var password = TokenHasher.NewPassword();
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(FirstAdmin, password, CancellationToken.None);
            logger.LogWarning("Created the first user 'admin'; its one-time password is printed to the console once start-up has finished.");
            notice.Announce(password);
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Could not create the first user 'admin'; the panel stops. Fix the cause named here and start it again, or add a user with: webops admin create --username NAME");
            lifetime.StopApplication();
        }
    }
}

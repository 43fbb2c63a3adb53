using Microsoft.EntityFrameworkCore;
using WebOps.Auth;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Hosting;

/// <summary>
/// Starts before every other hosted service (addon discovery, workers): migrate the database, settle runs a
/// previous process left half-done, make sure an admin exists. That work runs alongside the server's own start (the
/// two took about a second one after the other), and no request is served until it has finished
/// (<see cref="StartupRecovery.DatabaseReady"/>). The first admin is created after it (hashing its password is slow on
/// purpose) and start-up recovery waits for that too, so a login, which waits for recovery
/// (<see cref="RecoveryGate"/>), finds it, and <c>/healthz</c> says ok only once it exists. On most starts there is
/// nothing to do, which <see cref="DatabaseProbe"/> tells without EF Core.
/// </summary>
public sealed class StartupTasks(
    IServiceScopeFactory scopes, DatabaseProbe probe, FirstAdminNotice notice, StartupRecovery recovery, IHostApplicationLifetime lifetime, TimeProvider clock,
    StartupTimings timings, ILogger<StartupTasks> logger) : IHostedService
{
    /// <summary>The error of a run the panel's stop cut short; start-up recovery finds those deployments by it.</summary>
    public const string InterruptedError = "interrupted: the panel stopped during this deploy; redeploy";

    /// <summary>The first user's name.</summary>
    public const string FirstAdmin = "admin";

    private Task work = Task.CompletedTask;
    private Task firstAdmin = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not cancelled by a failed start: a panel whose address is taken still migrates, and creates and prints its
        // first admin, before it stops (StopAsync waits for both).
        work = Task.Run(PrepareDatabaseAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>A panel stopped right after its first start still creates, and prints, its first admin.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await work.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await firstAdmin.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PrepareDatabaseAsync()
    {
        try
        {
            timings.TasksStarting();
            // The usual start (migrated, no run cut short, a user to log in) is told by a few plain SQL questions, so
            // EF Core's first use, some 0.4 s of CPU, no longer comes before the panel's first answer.
            if (!(await probe.ReadStartStateAsync(CancellationToken.None)).NothingToDo)
            {
                await MigrateSettleAndFindAdminAsync();
            }

            timings.TasksFinished();
            recovery.DatabaseDone();
        }
        catch (Exception e)
        {
            // Reported, and the panel stopped, by the work after listening, which waits for this first.
            recovery.DatabaseDone(e);
        }
    }

    private async Task MigrateSettleAndFindAdminAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        // A new database holds no runs and no users: nothing to settle and nothing to ask.
        var created = await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        if (created || !await SettleAndFindUsersAsync(db, scope.ServiceProvider.GetRequiredService<AccountService>(), CancellationToken.None))
        {
            firstAdmin = Task.Run(CreateFirstAdminAsync, CancellationToken.None);
            recovery.Include(firstAdmin);
        }
    }

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
        // DatabaseProbe asks whether there are such rows, in SQL, before a start comes here: change both together.
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

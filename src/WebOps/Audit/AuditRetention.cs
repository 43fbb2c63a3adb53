using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Data;

namespace WebOps.Audit;

/// <summary>
/// Deletes audit entries older than <c>Audit:RetentionDays</c>: once at start, then every hour on the panel's clock.
/// </summary>
public sealed partial class AuditRetention(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options, ILogger<AuditRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private int sweeps;

    /// <summary>
    /// Cleanups done since start (for tests and diagnostics). It counts one once the wait for the next has begun, so
    /// a clock moved on after it changed moves that wait too.
    /// </summary>
    public int Sweeps => Volatile.Read(ref sweeps);

    /// <summary>Entries from before this moment are deleted.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int retentionDays) => now - TimeSpan.FromDays(retentionDays);

    /// <summary>Deletes the entries older than the cutoff; returns how many went.</summary>
    public static Task<int> DeleteOlderThanAsync(WebOpsDbContext db, DateTimeOffset cutoff, CancellationToken ct) =>
        db.AuditLog.Where(e => e.Time < cutoff).ExecuteDeleteAsync(ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SweepAsync(stoppingToken);
                var next = Task.Delay(Interval, clock, stoppingToken);
                Interlocked.Increment(ref sweeps);
                await next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var removed = await DeleteOlderThanAsync(db, Cutoff(clock.GetUtcNow(), options.Value.RetentionDays), ct);
            if (removed > 0)
            {
                LogRemoved(logger, removed, options.Value.RetentionDays);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit cleanup deleted {Count} entries older than {Days} days")]
    private static partial void LogRemoved(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit cleanup could not delete old entries; retrying in an hour")]
    private static partial void LogFailed(ILogger logger, Exception e);
}

using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Webhooks;

/// <summary>Saves recorded deliveries to their deployment's list and keeps only the newest <see cref="Keep"/> of each.</summary>
public sealed class DeliveryWriter(DeliveryRecorder recorder, IServiceScopeFactory scopes, AuditLog audit, ILogger<DeliveryWriter> logger) : BackgroundService
{
    public const int Keep = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in recorder.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SaveAsync(delivery, stoppingToken);
            }
            catch (DbUpdateException e)
            {
                // Most likely the deployment was deleted meanwhile; the delivery is in the log.
                WebhookLog.SaveFailed(logger, e, delivery.Name);
            }
        }
    }

    private async Task SaveAsync(HookDelivery delivery, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var id = delivery.DeploymentId!.Value;
        db.WebhookDeliveries.Add(new WebhookDelivery
        {
            DeploymentId = id,
            Time = delivery.Time,
            Provider = delivery.Provider,
            Event = Cut(delivery.Event, 64),
            Branch = Cut(delivery.Branch, 255),
            Status = delivery.Status,
            Result = Cut(delivery.Result, 500)!,
            RunId = delivery.RunId,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(
            AuditActions.WebhookDelivery, delivery.Name,
            $"{delivery.Event ?? "no event"}{(delivery.Branch is { } b ? $" on {b}" : "")}: {delivery.Status} {Cut(delivery.Result, 200)}",
            AuditActor.Webhook(delivery.Provider));
        var oldestKept = await db.WebhookDeliveries.Where(w => w.DeploymentId == id)
            .OrderByDescending(w => w.Id).Skip(Keep - 1).Select(w => w.Id).FirstOrDefaultAsync(ct);
        if (oldestKept > 0)
        {
            await db.WebhookDeliveries.Where(w => w.DeploymentId == id && w.Id < oldestKept).ExecuteDeleteAsync(ct);
        }
    }

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..(max - 1)] + "…" : text;
}

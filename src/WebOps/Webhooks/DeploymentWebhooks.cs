using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Webhooks;

/// <summary>A deployment's hook: its secret (created or replaced, shown once), its URL, and its recent deliveries.</summary>
public sealed class DeploymentWebhooks(WebOpsDbContext db, TimeProvider clock)
{
    /// <summary>Creates or replaces the secret and returns it: the only time it is shown.</summary>
    public async Task<string> ReplaceSecretAsync(Deployment d, CancellationToken ct)
    {
        var secret = NewSecret();
        var stored = await db.Webhooks.FirstOrDefaultAsync(w => w.DeploymentId == d.Id, ct);
        if (stored is null)
        {
            db.Webhooks.Add(new DeploymentWebhook { DeploymentId = d.Id, Secret = secret, CreatedAt = clock.GetUtcNow() });
        }
        else
        {
            stored.Secret = secret;
            stored.CreatedAt = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<WebhookState> StateAsync(Deployment d, CancellationToken ct)
    {
        // The creation time only: the secret column is not even read (and so not decrypted) for the page.
        var created = await db.Webhooks.AsNoTracking().Where(w => w.DeploymentId == d.Id).Select(w => (DateTimeOffset?)w.CreatedAt).FirstOrDefaultAsync(ct);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(w => w.DeploymentId == d.Id)
            .OrderByDescending(w => w.Id).Take(DeliveryWriter.Keep).ToListAsync(ct);
        return new WebhookState(created is not null, created, deliveries);
    }

    /// <summary>The hook's address as the caller reached the panel (behind the edge, its public scheme and host).</summary>
    public static string UrlFor(HttpRequest request, string name) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/hooks/{Uri.EscapeDataString(name)}";

    /// <summary>32 random bytes as 64 hex digits: plain text every provider's secret field accepts.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

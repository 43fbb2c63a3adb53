using WebOps.Data.Entities;

namespace WebOps.Webhooks;

/// <summary>What the page and <c>GET /api/deployments/NAME/webhook</c> show: whether a secret is set, and the newest deliveries.</summary>
public sealed record WebhookState(bool SecretSet, DateTimeOffset? SecretCreatedAt, IReadOnlyList<WebhookDelivery> Deliveries);

namespace WebOps.Api;

/// <summary>A deployment's hook: where providers send pushes, whether a secret is set (never the secret), the newest deliveries.</summary>
public sealed record WebhookDto(string Url, bool SecretSet, DateTimeOffset? SecretCreatedAt, bool AutoDeploy, IReadOnlyList<HookDeliveryDto> Deliveries);

namespace WebOps.Data.Entities;

/// <summary>
/// The secret a deployment's hook (<c>/api/hooks/NAME</c>) checks deliveries against. Stored encrypted: it must be
/// read back to verify HMAC signatures, so it cannot be hashed like a password.
/// </summary>
public class DeploymentWebhook
{
    public int DeploymentId { get; set; }

    public required string Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

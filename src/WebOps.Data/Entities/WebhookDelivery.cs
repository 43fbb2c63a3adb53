namespace WebOps.Data.Entities;

/// <summary>One delivery to a deployment's hook and what the panel did with it; the newest few are kept per deployment.</summary>
public class WebhookDelivery
{
    public long Id { get; set; }

    public int DeploymentId { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary><c>github</c>, <c>gitlab</c>, <c>gitea</c> or <c>generic</c>.</summary>
    public required string Provider { get; set; }

    /// <summary>The provider's event name (<c>push</c>, <c>Push Hook</c>, <c>ping</c>), when it sent one.</summary>
    public string? Event { get; set; }

    /// <summary>The branch the push was to, when it was one.</summary>
    public string? Branch { get; set; }

    /// <summary>The status code the hook answered with: 202 accepted (queued or ignored), 400, 401.</summary>
    public int Status { get; set; }

    /// <summary>What happened, in one line: <c>queued deploy #12</c>, <c>push to 'dev', not 'main'</c>.</summary>
    public required string Result { get; set; }

    /// <summary>The deploy run the delivery queued, if it queued one.</summary>
    public int? RunId { get; set; }
}

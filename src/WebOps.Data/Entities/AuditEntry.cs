namespace WebOps.Data.Entities;

/// <summary>
/// One line of the audit log: who did what to which object, when, and from which address. Details hold names only
/// (e.g. the fields an edit changed), never values: a value may be a secret.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>A username, a token name, <c>cli</c> or <c>system</c>; for a failed login, the username tried.</summary>
    public required string Actor { get; set; }

    /// <summary><c>user</c>, <c>token</c>, <c>anonymous</c>, <c>cli</c>, <c>system</c> or <c>webhook</c>.</summary>
    public required string ActorKind { get; set; }

    /// <summary>One of the names in <c>AuditActions</c>, e.g. <c>deployment.edit</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The deployment, addon, token or account acted on; null when the action has none (logout).</summary>
    public string? Target { get; set; }

    public string? Details { get; set; }

    /// <summary>The client's address as the panel saw it (the edge's X-Forwarded-For from loopback); null outside a request.</summary>
    public string? Address { get; set; }
}

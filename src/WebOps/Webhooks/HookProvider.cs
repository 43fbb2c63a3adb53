namespace WebOps.Webhooks;

/// <summary>Who sent a delivery, as its headers tell; each signs it its own way (<see cref="HookSignature"/>).</summary>
public enum HookProvider
{
    /// <summary><c>X-Hub-Signature-256: sha256=HEX</c>, the HMAC-SHA256 of the raw body.</summary>
    GitHub,

    /// <summary><c>X-Gitlab-Token: SECRET</c>, the secret itself.</summary>
    GitLab,

    /// <summary>Gitea and Forgejo: <c>X-Gitea-Signature: HEX</c>, the HMAC-SHA256 of the raw body.</summary>
    Gitea,

    /// <summary>Anything else (a CI job, curl): <c>Authorization: Bearer SECRET</c>.</summary>
    Generic,
}

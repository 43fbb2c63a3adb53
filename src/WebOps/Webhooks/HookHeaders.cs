namespace WebOps.Webhooks;

/// <summary>The request headers a delivery is judged by, as plain data so the checks are pure functions.</summary>
public sealed record HookHeaders
{
    public string? GitHubEvent { get; init; }

    public string? GitHubSignature { get; init; }

    public string? GitLabEvent { get; init; }

    public string? GitLabToken { get; init; }

    public string? GiteaEvent { get; init; }

    public string? GiteaSignature { get; init; }

    public string? Authorization { get; init; }

    public string? ContentType { get; init; }

    public static HookHeaders From(IHeaderDictionary headers) => new()
    {
        GitHubEvent = Value(headers, "X-GitHub-Event"),
        GitHubSignature = Value(headers, "X-Hub-Signature-256"),
        GitLabEvent = Value(headers, "X-Gitlab-Event"),
        GitLabToken = Value(headers, "X-Gitlab-Token"),
        GiteaEvent = Value(headers, "X-Gitea-Event"),
        GiteaSignature = Value(headers, "X-Gitea-Signature"),
        Authorization = Value(headers, "Authorization"),
        ContentType = Value(headers, "Content-Type"),
    };

    /// <summary>
    /// The provider, or null when nothing says who sent it (no signature at all). Gitea and Forgejo also send GitHub's
    /// headers for compatibility, so their own headers are looked at first.
    /// </summary>
    public HookProvider? Provider =>
        GiteaEvent is not null || GiteaSignature is not null ? HookProvider.Gitea
        : GitLabEvent is not null || GitLabToken is not null ? HookProvider.GitLab
        : GitHubEvent is not null || GitHubSignature is not null ? HookProvider.GitHub
        : BearerToken is not null ? HookProvider.Generic
        : null;

    /// <summary>The token of <c>Authorization: Bearer TOKEN</c>, or null.</summary>
    public string? BearerToken =>
        Authorization is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && a[7..].Trim() is { Length: > 0 } token
            ? token
            : null;

    /// <summary>The header that carries <paramref name="provider"/>'s signature or token.</summary>
    public static string SignatureHeader(HookProvider provider) => provider switch
    {
        HookProvider.GitHub => "X-Hub-Signature-256",
        HookProvider.GitLab => "X-Gitlab-Token",
        HookProvider.Gitea => "X-Gitea-Signature",
        _ => "Authorization: Bearer",
    };

    /// <summary>Whether the delivery carries <paramref name="provider"/>'s signature header at all.</summary>
    public bool HasSignature(HookProvider provider) => provider switch
    {
        HookProvider.GitHub => GitHubSignature is not null,
        HookProvider.GitLab => GitLabToken is not null,
        HookProvider.Gitea => GiteaSignature is not null,
        _ => BearerToken is not null,
    };

    /// <summary>The provider's event header: <c>push</c>, <c>Push Hook</c>, <c>ping</c>; null for the generic form.</summary>
    public string? EventFor(HookProvider provider) => provider switch
    {
        HookProvider.GitHub => GitHubEvent,
        HookProvider.GitLab => GitLabEvent,
        HookProvider.Gitea => GiteaEvent,
        _ => null,
    };

    private static string? Value(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrEmpty(v[0]) ? v[0] : null;
}

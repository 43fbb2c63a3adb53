namespace WebOps.Cli.Client;

/// <summary>
/// A deployment as <c>GET /api/deployments[/NAME]</c> answers, the fields the verbs show. Unknown fields are ignored,
/// so the client keeps working against a panel that answers with more.
/// </summary>
public sealed record DeploymentInfo(
    string Name,
    string Status,
    string Health,
    string? Url,
    string? RepoUrl = null,
    string? Branch = null,
    string? ProjectType = null,
    string? CommitSha = null,
    bool UseDocker = false,
    string? Image = null,
    string? ContainerId = null,
    int? ProcessId = null,
    int? HostPort = null,
    IReadOnlyList<string>? Urls = null,
    DateTimeOffset? UpdatedAt = null);

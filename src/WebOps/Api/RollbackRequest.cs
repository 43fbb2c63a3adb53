namespace WebOps.Api;

/// <summary>The body of <c>POST /api/deployments/{name}/rollback</c>; no body, or no run, means the release before the current one.</summary>
public sealed record RollbackRequest(int? Run);

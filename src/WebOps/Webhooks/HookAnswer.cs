namespace WebOps.Webhooks;

/// <summary>How the hook answers a delivery: the status code, the reason, and the deploy run it queued, if any.</summary>
public sealed record HookAnswer(int Status, string Reason, int? RunId = null);

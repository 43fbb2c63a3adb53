namespace WebOps.Webhooks;

/// <summary>Whether a verified delivery deploys, and why, in the words the answer and the deliveries list show.</summary>
/// <param name="Branch">The branch the delivery was about, when it named one.</param>
public sealed record HookVerdict(bool Deploy, string Reason, string? Branch);

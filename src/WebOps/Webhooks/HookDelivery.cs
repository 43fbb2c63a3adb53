namespace WebOps.Webhooks;

/// <summary>One delivery to <c>/api/hooks/NAME</c> and how it was answered, as <see cref="DeliveryRecorder"/> records it.</summary>
/// <param name="DeploymentId">The deployment it was verified for; null when refused before (a wrong name looks like a wrong secret).</param>
/// <param name="Provider">The provider its headers named, lowercase, or <c>unknown</c>.</param>
/// <param name="Status">The status code answered: 202, 400, 401, 409 or 413.</param>
/// <param name="Result">What happened, in one line.</param>
/// <param name="RunId">The deploy run it queued (or joined), if any.</param>
public sealed record HookDelivery(
    string Name, int? DeploymentId, DateTimeOffset Time, string Provider, string? Event, string? Branch, int Status, string Result, int? RunId)
{
    public bool Accepted => Status == StatusCodes.Status202Accepted;
}

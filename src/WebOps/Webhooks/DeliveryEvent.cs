namespace WebOps.Webhooks;

/// <summary>What a delivery says happened, read from its event header and body by <see cref="DeliveryParser"/>.</summary>
/// <param name="Event">The provider's event name as sent (<c>push</c>, <c>Push Hook</c>); <c>push</c> for the generic form.</param>
/// <param name="Ref">The branch of a push, the tag of a tag, or the unknown ref; null when a generic delivery named
/// none (it means the deployment's branch).</param>
/// <param name="Commit">The commit the ref points at after the push, when the payload says.</param>
/// <param name="Deleted">The push deleted the ref.</param>
public sealed record DeliveryEvent(DeliveryKind Kind, string Event, string? Ref = null, string? Commit = null, bool Deleted = false);

using WebOps.Data.Entities;

namespace WebOps.Api;

/// <summary>One recent delivery to a deployment's hook, as <c>GET /api/deployments/NAME/webhook</c> lists it.</summary>
public sealed record HookDeliveryDto(DateTimeOffset Time, string Provider, string? Event, string? Branch, int Status, string Result, int? Run)
{
    public static HookDeliveryDto From(WebhookDelivery d) => new(d.Time, d.Provider, d.Event, d.Branch, d.Status, d.Result, d.RunId);
}

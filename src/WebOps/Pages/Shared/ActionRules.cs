using WebOps.Core.Deployments;

namespace WebOps.Pages.Shared;

/// <summary>
/// The action buttons as the status table (<see cref="StatusRules"/>) has them. The server disables a button when
/// <c>DeploymentService.RefusalOf</c> refuses the action (the API's own answer); the page also renders each button's
/// allowed statuses into <c>data-enabled-when</c>, so the page script follows live status changes from the same table
/// instead of a copy of its own.
/// </summary>
public static class ActionRules
{
    /// <summary>The space-separated statuses for <c>data-enabled-when</c>, as the status badges and the API name them.</summary>
    public static string When(DeploymentAction action) => string.Join(' ', StatusRules.For(action).AllowedIn.Select(Badges.Text));
}

using WebOps.Core.Deployments;

namespace WebOps.Pages.Shared;

/// <summary>Text and CSS class of status and health badges; the same names are used by the page scripts.</summary>
public static class Badges
{
    public static string Text<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string StatusClass(DeploymentStatus status) => $"badge status-{Text(status)}";

    public static string HealthClass(HealthState health) => $"badge health-{Text(health)}";
}

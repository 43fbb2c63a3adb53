namespace WebOps.Core.Hooks;

/// <summary>The names hook events have in manifests, logs and the executable hook protocol.</summary>
public static class HookEventNames
{
    public const string PreDeployment = "pre_deployment";
    public const string PostDeployment = "post_deployment";
    public const string HealthCheck = "health_check";

    public static string ToName(this HookEvent hookEvent) => hookEvent switch
    {
        HookEvent.PreDeployment => PreDeployment,
        HookEvent.PostDeployment => PostDeployment,
        HookEvent.HealthCheck => HealthCheck,
        _ => throw new ArgumentOutOfRangeException(nameof(hookEvent), hookEvent, "Unknown hook event."),
    };

    public static bool TryParse(string name, out HookEvent hookEvent)
    {
        (var found, hookEvent) = name switch
        {
            PreDeployment => (true, HookEvent.PreDeployment),
            PostDeployment => (true, HookEvent.PostDeployment),
            HealthCheck => (true, HookEvent.HealthCheck),
            _ => (false, default),
        };
        return found;
    }
}

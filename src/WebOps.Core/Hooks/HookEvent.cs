namespace WebOps.Core.Hooks;

/// <summary>The points in a deployment's life where addons run. YAML names: pre_deployment, post_deployment, health_check.</summary>
public enum HookEvent
{
    PreDeployment,
    PostDeployment,
    HealthCheck,
}

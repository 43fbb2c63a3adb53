namespace WebOps.Core.Health;

public enum ContainerEventAction
{
    /// <summary>Nothing health-related happened (create, attach, exec, ...).</summary>
    Ignore,

    /// <summary>The container is gone or failing: mark the deployment unhealthy at once, no check needed.</summary>
    MarkUnhealthy,

    /// <summary>The container (re)started or recovered: run the health checks now.</summary>
    Recheck,
}

namespace WebOps.Core.Deployments;

public enum HealthState
{
    Unknown,
    Healthy,
    Unhealthy,
}

namespace WebOps.Core.Deployments;

/// <summary>Level of one deployment log line (kept apart from Microsoft.Extensions.Logging on purpose: these are user-facing).</summary>
public enum DeploymentLogLevel
{
    Info,
    Warning,
    Error,
}

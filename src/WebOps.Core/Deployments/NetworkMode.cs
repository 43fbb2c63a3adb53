namespace WebOps.Core.Deployments;

public enum NetworkMode
{
    Bridge,
    Host,
    None,
}

namespace WebOps.Addons.Docker.Engine;

/// <summary>The labels WebOps puts on every image and container it makes, so it can find (and clean up) its own.</summary>
public static class Labels
{
    public const string Deployment = "webops.deployment";
    public const string DeployId = "webops.deploy_id";
    public const string Managed = "webops.managed";

    public static IReadOnlyDictionary<string, string> ForDeployment(string deploymentName) =>
        new Dictionary<string, string> { [Deployment] = deploymentName, [Managed] = "true" };
}

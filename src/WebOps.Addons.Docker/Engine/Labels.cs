using System.Globalization;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// The labels WebOps puts on every image and container it makes, so it can find (and clean up) its own. The one
/// definition of the keys and of the sets: cleanup, image pruning and the health monitor filter on exactly these.
/// </summary>
public static class Labels
{
    public const string Deployment = "webops.deployment";
    public const string DeployId = "webops.deploy_id";
    public const string Managed = "webops.managed";

    private const string True = "true";

    /// <summary>Matches everything WebOps made, whatever the deployment.</summary>
    public static IReadOnlyDictionary<string, string> AllManaged { get; } = new Dictionary<string, string> { [Managed] = True };

    /// <summary>
    /// The labels of one deploy run's image and container, in a fixed order: deployment, deploy id (when the run is
    /// known), managed. Image and container carry the same set, so either leads back to the run that made it.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForRun(string deploymentName, int? deployRunId)
    {
        var labels = new List<KeyValuePair<string, string>> { new(Deployment, deploymentName) };
        if (deployRunId is { } run)
        {
            labels.Add(new(DeployId, run.ToString(CultureInfo.InvariantCulture)));
        }

        labels.Add(new(Managed, True));
        return labels;
    }

    /// <summary>Matches every image and container of one deployment, of any run.</summary>
    public static IReadOnlyDictionary<string, string> ForDeployment(string deploymentName) =>
        new Dictionary<string, string> { [Deployment] = deploymentName, [Managed] = True };
}

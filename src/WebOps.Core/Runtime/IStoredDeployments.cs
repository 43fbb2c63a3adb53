using WebOps.Core.Hooks;

namespace WebOps.Core.Runtime;

/// <summary>
/// What addons may read of the saved deployments. The host implements it over its database, so an addon depends on
/// Core alone and never on the data layer.
/// </summary>
public interface IStoredDeployments
{
    /// <summary>The deployments saved as running, as hooks see them (secrets decrypted), in no particular order.</summary>
    Task<IReadOnlyList<DeploymentSnapshot>> ListRunningAsync(CancellationToken ct);

    /// <summary>The deployment saved under <paramref name="name"/>, whatever its status, or null when there is none.</summary>
    Task<DeploymentSnapshot?> FindAsync(string name, CancellationToken ct);
}

namespace WebOps.Core.Releases;

/// <summary>Which release images of a deployment still exist, so a rollback to a pruned one is refused when it is asked for.</summary>
public interface IReleaseImages
{
    /// <summary>The image tags the engine still has for the deployment; null when the engine cannot be asked now.</summary>
    Task<IReadOnlySet<string>?> PresentAsync(string deploymentName, CancellationToken cancellationToken);
}

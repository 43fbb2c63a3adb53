namespace WebOps.Deploys;

/// <summary>Where checkouts live inside the data folder: one folder per deployment, replaced on each deploy.</summary>
public sealed class WorkFolders(string dataFolder)
{
    public string Checkout(string deploymentName) => Path.Combine(dataFolder, "checkouts", deploymentName);

    public void Remove(string deploymentName)
    {
        var path = Checkout(deploymentName);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}

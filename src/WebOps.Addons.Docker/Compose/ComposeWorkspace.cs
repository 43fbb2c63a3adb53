namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// A Compose deployment's run folder, <c>DATA/compose/NAME</c>: the env file (0600), the panel's override file of each project and
/// the path of the repository's compose file, so stop, start and delete find the project after the deploy ended.
/// </summary>
public sealed class ComposeWorkspace(string dataFolder)
{
    public string Folder(string deployment) => Path.Combine(dataFolder, "compose", deployment);

    public string EnvFile(string deployment) => Path.Combine(Folder(deployment), "webops.env");

    /// <summary>
    /// The override file of <paramref name="project"/> (each of the deployment's two projects has its own host port);
    /// <c>webops.override.yml</c> for <c>webops-NAME</c>, as before releases took turns.
    /// </summary>
    public string OverrideFile(string deployment, string project) =>
        Path.Combine(Folder(deployment), project == ComposeNames.Project(deployment) ? "webops.override.yml" : $"{project}.override.yml");

    private string SourceFile(string deployment) => Path.Combine(Folder(deployment), "compose-file");

    public void Create(string deployment)
    {
        var folder = Folder(deployment);
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public Task RememberAsync(string deployment, string composeFile, CancellationToken ct) =>
        File.WriteAllTextAsync(SourceFile(deployment), composeFile, ct);

    /// <summary>The compose file the last deploy used, when it, the run folder and <paramref name="project"/>'s override still exist.</summary>
    public string? ComposeFile(string deployment, string project)
    {
        var source = SourceFile(deployment);
        if (!File.Exists(source))
        {
            return null;
        }

        var path = File.ReadAllText(source).Trim();
        return File.Exists(path) && File.Exists(OverrideFile(deployment, project)) && File.Exists(EnvFile(deployment)) ? path : null;
    }

    public void Remove(string deployment)
    {
        if (Directory.Exists(Folder(deployment)))
        {
            Directory.Delete(Folder(deployment), recursive: true);
        }
    }
}

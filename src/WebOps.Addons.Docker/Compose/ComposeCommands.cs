using System.Globalization;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The Compose CLI's argument lists, as plain data (never a shell line): the project name, the repository's file,
/// the panel's override file and the env file come first, then the verb.
/// </summary>
public sealed record ComposeCommands(ComposeCli Cli, string Project, string ComposeFile, string OverrideFile, string EnvFile)
{
    public IReadOnlyList<string> Build() => Args("build");

    /// <summary><c>up -d --remove-orphans</c>, with <c>--wait</c> on v2 (1.29 has none: the addon waits on the engine).</summary>
    public IReadOnlyList<string> Up() => Cli.IsV2 ? Args("up", "-d", "--remove-orphans", "--wait") : Args("up", "-d", "--remove-orphans");

    public IReadOnlyList<string> Stop() => Args("stop");

    public IReadOnlyList<string> Start() => Args("start");

    public IReadOnlyList<string> Restart() => Args("restart");

    /// <summary>Stops and removes the services' containers with their anonymous volumes (named ones stay).</summary>
    public IReadOnlyList<string> Remove() => Args("rm", "--stop", "--force", "-v");

    /// <summary>Containers and networks go; named volumes stay unless <paramref name="volumes"/>; built images go with <paramref name="images"/>.</summary>
    public IReadOnlyList<string> Down(bool volumes, bool images)
    {
        var extra = new List<string> { "down", "--remove-orphans" };
        if (volumes)
        {
            extra.Add("--volumes");
        }

        if (images)
        {
            extra.AddRange(["--rmi", "local"]);
        }

        return Args([.. extra]);
    }

    public IReadOnlyList<string> Logs(string? service, int tail)
    {
        var extra = new List<string> { "logs", "--no-color", "--timestamps", "--tail", tail.ToString(CultureInfo.InvariantCulture) };
        if (service is not null)
        {
            extra.Add(service);
        }

        return Args([.. extra]);
    }

    private IReadOnlyList<string> Args(params string[] verb) =>
        [.. Cli.Prefix, "--project-name", Project, "--file", ComposeFile, "--file", OverrideFile, "--env-file", EnvFile, .. verb];
}

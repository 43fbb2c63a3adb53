using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;
using WebOps.Core.Systemd;
using WebOps.Deploys;

namespace WebOps.Cli;

/// <summary>
/// <c>webops systemd render NAME</c>: prints the unit that keeps a Docker deployment up across reboots. The unit
/// reads the container's variables from an env file (secrets stay out of the unit and out of this output); the
/// file's path goes to stderr, and <c>--reveal-env</c> prints the file itself instead of the unit.
/// </summary>
public static class SystemdCommand
{
    private const string Usage = "webops systemd render NAME [--env-file PATH] [--reveal-env]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is not ["render", var name] || (args.Has("--env-file") && args.Get("--env-file") is not { Length: > 0 }))
        {
            throw new CliException($"Usage: {Usage}");
        }

        await using var app = await AdminHost.StartAsync(args);
        await using var scope = app.Services.CreateAsyncScope();
        var d = await scope.ServiceProvider.GetRequiredService<DeploymentService>().FindAsync(name, CancellationToken.None);
        if (d is null)
        {
            await Console.Error.WriteLineAsync($"No deployment named '{name}'. List them with GET /api/deployments.");
            return 1;
        }

        if (!d.UseDocker)
        {
            await Console.Error.WriteLineAsync($"'{name}' does not use Docker; its process unit is written by the process supervisor.");
            return 1;
        }

        var envFile = args.Get("--env-file") ?? app.Services.GetRequiredService<IOptions<SystemdOptions>>().Value.EnvFilePath(d.Name);
        var options = app.Services.GetRequiredService<IOptions<DockerOptions>>().Value;
        var spec = ContainerSpec.For(SnapshotFactory.From(d), d.ContainerImage ?? d.ImageName, d.HostPort, options.BindAddress, null);
        var model = spec.ToSystemdUnitModel(d.Name, envFile);
        UnitFiles files;
        try
        {
            files = new SystemdUnitRenderer().RenderDocker(model);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"Cannot render the unit of '{name}': {e.Message}");
            return 1;
        }

        if (args.Has("--reveal-env"))
        {
            Console.Write(files.Environment);
            return 0;
        }

        Console.Write(files.Unit);
        await Console.Error.WriteLineAsync(EnvFileNote(d.Name, envFile, model.Environment.Count));
        return 0;
    }

    /// <summary>Where the env file must go and how to write it, without any value.</summary>
    private static string EnvFileNote(string name, string envFile, int count)
    {
        var folder = ShellWord(Path.GetDirectoryName(envFile) ?? "/");
        return $"The unit reads the container's {count} variable{(count == 1 ? "" : "s")} from {envFile}, which this command "
            + "does not write. Create it as root, readable by root only, before starting the unit:\n"
            + $"  (umask 077; mkdir -p {folder} && webops systemd render {name} --reveal-env > {ShellWord(envFile)})";
    }

    /// <summary>A path as one shell word: as is when plain, else in single quotes.</summary>
    private static string ShellWord(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or ',')
            ? text
            : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

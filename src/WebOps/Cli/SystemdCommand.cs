using System.CommandLine;
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
    private const string Usage = "webops systemd render NAME [--env-file PATH] [--reveal-env] [--data PATH]";

    public static Verb Create()
    {
        var systemd = new Verb("systemd", "systemd units for Docker deployments", Usage);
        var render = new Verb("render", "Print the systemd unit of a Docker deployment (its variables go to an env file)", Usage);
        var name = CommonOptions.Positional<string>("NAME", "The deployment's name");
        var envFile = new Option<string?>("--env-file") { Description = "Where the unit reads the variables from (default /etc/webops/env/NAME.env)", HelpName = "PATH" };
        var reveal = new Option<bool>("--reveal-env") { Description = "Print the env file (with its values) instead of the unit" };
        var data = CommonOptions.Data();
        render.Arguments.Add(name);
        render.Options.Add(envFile);
        render.Options.Add(reveal);
        render.Options.Add(data);
        render.Validators.Add(result =>
        {
            if (result.GetResult(envFile) is not null && string.IsNullOrEmpty(result.GetValue(envFile)))
            {
                result.AddError("--env-file needs a path.");
            }
        });
        render.SetAction((result, _) => RenderAsync(result.GetValue(name)!, result.GetValue(envFile), result.GetValue(reveal), result.GetValue(data)));
        systemd.Subcommands.Add(render);
        return systemd;
    }

    private static async Task<int> RenderAsync(string name, string? envFileOption, bool revealEnv, string? data)
    {
        await using var app = await AdminHost.StartAsync(data);
        await using var scope = app.Services.CreateAsyncScope();
        var d = await scope.ServiceProvider.GetRequiredService<DeploymentService>().FindAsync(name, CancellationToken.None);
        if (d is null)
        {
            await Console.Error.WriteLineAsync($"No deployment named '{name}'. List them with GET /api/deployments.");
            return ExitCodes.Failed;
        }

        if (!d.UseDocker)
        {
            await Console.Error.WriteLineAsync($"'{name}' does not use Docker; its process unit is written by the process supervisor.");
            return ExitCodes.Failed;
        }

        var envFile = envFileOption ?? app.Services.GetRequiredService<IOptions<SystemdOptions>>().Value.EnvFilePath(d.Name);
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
            return ExitCodes.Failed;
        }

        if (revealEnv)
        {
            Console.Write(files.Environment);
            return ExitCodes.Ok;
        }

        Console.Write(files.Unit);
        await Console.Error.WriteLineAsync(EnvFileNote(d.Name, envFile, model.Environment.Count));
        return ExitCodes.Ok;
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

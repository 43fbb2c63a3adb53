using Microsoft.Extensions.Options;
using WebOps.Addons.Docker;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;
using WebOps.Core.Systemd;
using WebOps.Deploys;

namespace WebOps.Cli;

/// <summary><c>webops systemd render NAME</c>: prints the unit that keeps a Docker deployment up across reboots.</summary>
public static class SystemdCommand
{
    private const string Usage = "webops systemd render NAME";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is not ["render", var name])
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

        var options = app.Services.GetRequiredService<IOptions<DockerOptions>>().Value;
        var spec = ContainerSpec.For(SnapshotFactory.From(d), d.ContainerImage ?? d.ImageName, d.HostPort, options.BindAddress, null);
        Console.Write(new SystemdUnitRenderer().RenderDockerUnit(spec.ToSystemdUnitModel(d.Name)));
        return 0;
    }
}

using System.CommandLine;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Swarm.Cluster;
using WebOps.Api;

namespace WebOps.Cli;

/// <summary>
/// <c>webops cluster init [--advertise-addr ADDR] | join-command [--manager]</c>: admin verbs run on the manager
/// server, against the panel's engine (Docker:Endpoint) with the panel's settings, like <c>webops addons</c>.
/// </summary>
public static class ClusterCommand
{
    private const string Usage = "webops cluster init [--advertise-addr ADDR] | join-command [--manager]  [--data PATH]";

    public static Verb Create()
    {
        var cluster = new Verb("cluster", "Start a Docker Swarm cluster and add servers to it (needs Swarm:Enabled)", Usage);
        cluster.Subcommands.Add(Init());
        cluster.Subcommands.Add(JoinCommandVerb());
        return cluster;
    }

    private static Verb Init()
    {
        var init = new Verb("init", "Make the panel's engine the manager of a new swarm", "webops cluster init [--advertise-addr ADDR] [--data PATH]");
        var advertise = new Option<string?>("--advertise-addr")
        {
            Description = "The address other servers reach this one on (default Swarm:AdvertiseAddress, else chosen by the engine)",
            HelpName = "ADDR",
        };
        var data = CommonOptions.Data();
        init.Options.Add(advertise);
        init.Options.Add(data);
        init.SetAction(async (result, ct) =>
        {
            await using var app = await AdminHost.StartAsync(result.GetValue(data));
            return await RunAsync(async () =>
            {
                var state = await app.Services.GetRequiredService<ClusterActions>().InitAsync(result.GetValue(advertise), ct);
                Console.WriteLine($"Swarm initialized: this engine is its manager, reached on {state.ManagerAddress}.");
                Console.WriteLine("Add a server: run `webops cluster join-command` and run its output on the new server.");
            });
        });
        return init;
    }

    private static Verb JoinCommandVerb()
    {
        var join = new Verb("join-command", "Print the command a new server runs to join the cluster", "webops cluster join-command [--manager] [--data PATH]");
        var manager = new Option<bool>("--manager") { Description = "Join as a manager instead of a worker" };
        var data = CommonOptions.Data();
        join.Options.Add(manager);
        join.Options.Add(data);
        join.SetAction(async (result, ct) =>
        {
            await using var app = await AdminHost.StartAsync(result.GetValue(data));
            return await RunAsync(async () =>
            {
                var role = result.GetValue(manager) ? JoinRole.Manager : JoinRole.Worker;
                Console.WriteLine(await app.Services.GetRequiredService<ClusterActions>().JoinCommandAsync(role, ct));
            });
        });
        return join;
    }

    private static async Task<int> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is ClusterRefusedException or DockerUnavailableException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }
}

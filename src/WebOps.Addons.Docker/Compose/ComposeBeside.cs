using System.Diagnostics;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;
using WebOps.Core.Proxy;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// A redeploy of a Compose project without downtime, the way <see cref="ReleaseBeside"/> does it for one container:
/// the new release comes up as the deployment's other project (<see cref="ComposeNames.Other"/>) on the partner port
/// of its slot pair, the edge switches to it once every service runs and its public service answers
/// (<see cref="EdgeSwitch"/>), the old project drains and goes down with its named volumes kept (both projects mount
/// the same ones). A new project that never gets ready is taken down and the old one was never touched.
/// </summary>
public sealed class ComposeBeside(ComposeSteps steps, ComposeStates states)
{
    /// <summary>The parts of a release that do not depend on its project: what <see cref="RunAsync"/> is given.</summary>
    /// <param name="Publish">Writes a project's override file, which publishes its public service on a host port.</param>
    /// <param name="Commands">A project's commands, on its own override file.</param>
    public sealed record Release(
        ComposeCli Cli, string Folder, string BindAddress, TimeSpan BuildTimeout, TimeSpan StartTimeout,
        Func<string, int, CancellationToken, Task> Publish, Func<string, ComposeCommands> Commands);

    /// <summary>Returns the project that now serves and its port, or the failure (the old project still serves).</summary>
    public async Task<(string? Project, int Port, string? Failure)> RunAsync(
        HookContext context, IEdgeRouter edge, string current, Release release, CancellationToken ct)
    {
        var name = context.Deployment.Name;
        var next = ComposeNames.Other(name, current);
        var port = await edge.ReservePortAsync(context.Deployment, ct);
        await release.Publish(next, port, ct);
        var commands = release.Commands(next);
        if ((await states.ContainersAsync(next, ct)).Count > 0)
        {
            context.Log.Warn($"Taking down Compose project {next}, left by an interrupted deploy.");
            await steps.DownAsync(context, release.Cli, commands, release.Folder);
        }

        context.Log.Info($"Starting the new release as Compose project {next} on port {port} beside {current}, which keeps serving.");
        string? failure;
        try
        {
            var t = Stopwatch.GetTimestamp();
            failure = await steps.RunAsync(context, release.Cli, commands.Build(), release.Folder, release.BuildTimeout, "Compose build", ct);
            context.Log.Record(DeploySteps.Build, Stopwatch.GetElapsedTime(t));
            t = Stopwatch.GetTimestamp();
            failure ??= await steps.RunAsync(context, release.Cli, commands.Up(), release.Folder, release.StartTimeout + release.BuildTimeout, "Compose up", ct);
            context.Log.Record(DeploySteps.Start, Stopwatch.GetElapsedTime(t));
            t = Stopwatch.GetTimestamp();
            failure ??= await steps.WaitReadyAsync(context, next, release.BindAddress, port, release.StartTimeout, ct);
            context.Log.Record(DeploySteps.Ready, Stopwatch.GetElapsedTime(t));
            if (failure is null)
            {
                t = Stopwatch.GetTimestamp();
                failure = await EdgeSwitch.ToPortAsync(edge, context, DockerLog.Source, port, ct);
                context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(t));
            }
        }
        catch (Exception)
        {
            await steps.DownAsync(context, release.Cli, commands, release.Folder);
            throw;
        }

        if (failure is not null)
        {
            await steps.DownAsync(context, release.Cli, commands, release.Folder);
            context.Log.Warn($"Took down the new release {next}; Compose project {current} kept serving throughout.");
            return (null, port, failure);
        }

        // Switched: the new project serves, so nothing below fails the deploy.
        var retire = Stopwatch.GetTimestamp();
        await RetireAsync(context, edge, release, current, ct);
        context.Log.Record(DeploySteps.Switch, Stopwatch.GetElapsedTime(retire));
        return (next, port, null);
    }

    /// <summary>The old project drains until the edge has no request in flight to it, then goes down (named volumes stay: the new project mounts them).</summary>
    private async Task RetireAsync(HookContext context, IEdgeRouter edge, Release release, string current, CancellationToken ct)
    {
        if (edge.DrainTimeout > TimeSpan.Zero)
        {
            // The edge no longer sends it anything new; a cancelled deploy takes it down at once.
            context.Log.Info($"The previous Compose project {current} drains until the edge has no request in flight to it, for {Durations.Describe(edge.DrainTimeout)} at most.");
            var drained = await edge.DrainAsync(context.Deployment.HostPort, ct);
            context.Log.Info(drained.Describe($"The previous Compose project {current}"));
        }

        // Its override is written anew for the current file (its own port kept): an override naming a service the new
        // file dropped would make Compose refuse the whole command.
        await release.Publish(current, context.Deployment.HostPort ?? 0, CancellationToken.None);
        await steps.DownAsync(context, release.Cli, release.Commands(current), release.Folder);
        context.Log.Info($"Took down the previous Compose project {current}; named volumes kept.");
    }
}

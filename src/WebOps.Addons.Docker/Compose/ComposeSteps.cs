using Docker.DotNet;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Compose;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Compose;

/// <summary>The steps a Compose deploy is made of, shared by the stop-first and the beside redeploy: run a CLI command into the deploy log, wait until a project is ready, take a project down.</summary>
public sealed class ComposeSteps(ComposeProcess process, ComposeStates states, DockerEngine engine)
{
    /// <summary>Null when the command succeeded, else the failure with its exit code and last lines.</summary>
    public async Task<string?> RunAsync(
        HookContext context, ComposeCli cli, IReadOnlyList<string> arguments, string folder, TimeSpan limit, string what, CancellationToken ct)
    {
        context.Log.Info($"Running {cli.Program} {string.Join(' ', arguments)}");
        var result = await process.RunAsync(cli, arguments, folder, limit, line => context.Log.Info(line.Text), ct);
        return result.ExitCode == 0 && !result.TimedOut ? null : ComposeProcess.Failure(what, result);
    }

    /// <summary>
    /// Takes a project down: containers with their unnamed volumes, and its networks; named volumes stay. Runs within
    /// its own time limit even when the deploy was cancelled, so a project that must go never stays because the deploy
    /// stopped. A failure is logged with what to run by hand.
    /// </summary>
    public async Task DownAsync(HookContext context, ComposeCli cli, ComposeCommands commands, string folder)
    {
        var project = commands.Project;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            // `down` keeps unnamed volumes (only -v removes them, and named ones with them): they are collected first
            // because Compose 1.29 hands a recreated container its predecessor's, which `rm -v` then no longer counts.
            var unnamed = await states.UnnamedVolumesAsync(project, limit.Token);
            var failure = await RunAsync(context, cli, commands.Remove(), folder, TimeSpan.FromMinutes(2), "Compose rm", limit.Token)
                ?? await RunAsync(context, cli, commands.Down(volumes: false, images: false), folder, TimeSpan.FromMinutes(2), "Compose down", limit.Token);
            if (failure is not null)
            {
                context.Log.Error($"{failure}. Take Compose project {project} down by hand (docker-compose -p {project} down), or redeploy.");
                return;
            }

            foreach (var volume in unnamed)
            {
                await engine.RemoveVolumeAsync(volume, limit.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or DockerUnavailableException or DockerApiException)
        {
            context.Log.Error($"Compose project {project} was not taken down: {e.Message}. Run docker-compose -p {project} down, or redeploy.");
        }
    }

    /// <summary>
    /// Every service running (healthy when it has a HEALTHCHECK) and the public port answering: a connection the app
    /// keeps open or answers on, not only one the engine's port proxy accepts. Null when ready, else why not.
    /// </summary>
    public async Task<string?> WaitReadyAsync(HookContext context, string project, string host, int port, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        IReadOnlyList<ServiceState> last = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await states.ReadAsync(project, ct);
            // Under a restart policy a service that crashes restarts instead of staying exited: either way it failed to start.
            if (last.FirstOrDefault(s => s.State is "exited" or "restarting") is { } exited)
            {
                return $"Compose project {project} did not come up: {exited.Problem()}; see its logs (Runtime logs, service {exited.Service}).";
            }

            if (last.Count > 0 && last.All(s => s.State == "running" && s.Health is null or "healthy") && await ReadinessProbe.AnswersAsync(host, port, ct))
            {
                context.Log.Info($"Services: {string.Join(", ", last.Select(s => $"{s.Service} {s.Describe()}"))}.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        return $"Compose project {project} was not ready within {limit.TotalSeconds:0} s: "
            + $"{(last.Count == 0 ? "no container" : string.Join(", ", last.Select(s => $"{s.Service} {s.Describe()}")))}; the public port {port} "
            + $"{(await ReadinessProbe.AnswersAsync(host, port, ct) ? "answers" : "does not answer")}.";
    }
}

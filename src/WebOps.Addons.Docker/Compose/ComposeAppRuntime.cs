using WebOps.Addons.Docker.Engine;
using WebOps.Core.Compose;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// Start, stop, restart, delete, logs and state of a Compose deployment, through the Compose CLI on the files the
/// last deploy wrote (<see cref="ComposeWorkspace"/>). Registered before the single-container runtime, which handles
/// every other Docker deployment.
/// </summary>
public sealed class ComposeAppRuntime(
    ComposeCliLocator locator, ComposeProcess process, ComposeWorkspace workspace, ComposeStates states, DockerEngine engine) : IAppRuntime
{
    private static readonly TimeSpan ActionLimit = TimeSpan.FromMinutes(3);

    public bool Handles(DeploymentSnapshot deployment) => deployment.UseDocker && deployment.ComposeProject is not null;

    public Task StartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        RunAsync(deployment, c => c.Start(), "start", cancellationToken);

    public Task StopAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        RunAsync(deployment, c => c.Stop(), "stop", cancellationToken);

    public Task RestartAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        RunAsync(deployment, c => c.Restart(), "restart", cancellationToken);

    /// <summary>
    /// Removes the services' containers with their anonymous volumes, then the project's networks (and its built images
    /// with <see cref="RemoveOptions.Images"/>); named volumes stay unless <see cref="RemoveOptions.Volumes"/>. Without
    /// the run folder the containers are removed through the engine. Both of the deployment's projects go.
    /// </summary>
    public async Task RemoveAsync(DeploymentSnapshot deployment, RemoveOptions options, CancellationToken cancellationToken)
    {
        // Both of the deployment's projects: the other one holds containers only when a deploy beside it was interrupted.
        var projects = ComposeNames.Projects(deployment.Name).Prepend(deployment.ComposeProject!).Distinct(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            await RemoveProjectAsync(deployment, project, options, cancellationToken);
        }

        workspace.Remove(deployment.Name);
    }

    private async Task RemoveProjectAsync(DeploymentSnapshot deployment, string project, RemoveOptions options, CancellationToken cancellationToken)
    {
        // Compose 1.29 hands a recreated container its predecessor's anonymous volume by name, after which
        // `rm -v` no longer counts it as anonymous: the project's unnamed volumes are collected first and removed after.
        var anonymous = await states.UnnamedVolumesAsync(project, cancellationToken);
        if (await CommandsAsync(deployment, project, cancellationToken) is { } found)
        {
            await RunAsync(found, found.Commands.Remove(), "remove the containers of", project, cancellationToken);
            await RunAsync(found, found.Commands.Down(volumes: options.Volumes, images: options.Images), "take down", project, cancellationToken);
        }
        else
        {
            foreach (var container in await states.ContainersAsync(project, cancellationToken))
            {
                await engine.RemoveContainerAsync(container.ID, force: true, cancellationToken);
            }
        }

        foreach (var volume in anonymous)
        {
            await engine.RemoveVolumeAsync(volume, cancellationToken);
        }

        if (options.Volumes)
        {
            // `down -v` only knows the volumes of the file it reads: those of services since dropped from the file, or
            // all of them when the run folder is gone, are found by Compose's project label.
            foreach (var volume in await engine.ListVolumesAsync(new Dictionary<string, string> { [ComposeStates.ProjectLabel] = project }, cancellationToken))
            {
                await engine.RemoveVolumeAsync(volume, cancellationToken);
            }
        }
    }

    /// <summary>All services' lines interleaved by time, each prefixed with its service.</summary>
    public Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(DeploymentSnapshot deployment, int tail, CancellationToken cancellationToken) =>
        GetServiceLogsAsync(deployment, null, tail, cancellationToken);

    /// <summary>One service's lines (<paramref name="service"/>), or all services' when null.</summary>
    public async Task<IReadOnlyList<RuntimeLogLine>> GetServiceLogsAsync(
        DeploymentSnapshot deployment, string? service, int tail, CancellationToken cancellationToken)
    {
        var lines = new List<RuntimeLogLine>();
        foreach (var container in await states.ContainersAsync(deployment.ComposeProject!, cancellationToken))
        {
            var name = ComposeStates.Service(container);
            if (service is null || name == service)
            {
                lines.AddRange((await engine.GetLogsAsync(container.ID, tail, cancellationToken)).Select(l => l with { Text = $"{name} | {l.Text}" }));
            }
        }

        return [.. lines.OrderBy(l => l.Time ?? DateTimeOffset.MinValue).TakeLast(tail)];
    }

    public async Task<RuntimeState?> InspectAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken)
    {
        var project = deployment.ComposeProject!;
        var services = await states.ReadAsync(project, cancellationToken);
        if (services.Count == 0)
        {
            return null;
        }

        var running = services.All(s => s.State == "running");
        var first = services.FirstOrDefault(s => s.State != "running");
        var app = new RunningCompose(project, deployment.ComposeService ?? "");
        return new RuntimeState(running ? "running" : first!.State, running, app, 0, first?.ExitCode) { Services = services };
    }

    private async Task RunAsync(DeploymentSnapshot deployment, Func<ComposeCommands, IReadOnlyList<string>> verb, string what, CancellationToken ct)
    {
        var project = deployment.ComposeProject!;
        var found = await CommandsAsync(deployment, project, ct)
            ?? throw new InvalidOperationException(
                $"the files of Compose project {project} are gone (checkout or {workspace.Folder(deployment.Name)}); redeploy it.");
        await RunAsync(found, verb(found.Commands), what, project, ct);
    }

    private async Task RunAsync(Found found, IReadOnlyList<string> arguments, string what, string project, CancellationToken ct)
    {
        var result = await process.RunAsync(found.Cli, arguments, found.Folder, ActionLimit, null, ct);
        if (result.ExitCode != 0 || result.TimedOut)
        {
            throw new InvalidOperationException(ComposeProcess.Failure($"Compose could not {what} {project}", result));
        }
    }

    /// <summary>The commands of <paramref name="project"/> on the files its last deploy wrote; null when they are gone.</summary>
    private async Task<Found?> CommandsAsync(DeploymentSnapshot deployment, string project, CancellationToken ct)
    {
        var cli = await locator.FindAsync(ct) ?? throw new InvalidOperationException(ComposeCliLocator.Missing);
        if (workspace.ComposeFile(deployment.Name, project) is not { } file)
        {
            return null;
        }

        var commands = new ComposeCommands(cli, project, file, workspace.OverrideFile(deployment.Name, project), workspace.EnvFile(deployment.Name));
        return new Found(cli, commands, Path.GetDirectoryName(file)!);
    }

    private sealed record Found(ComposeCli Cli, ComposeCommands Commands, string Folder);
}

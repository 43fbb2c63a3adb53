using System.Globalization;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Compose;
using WebOps.Core.Hooks;
using WebOps.Core.Planning;
using WebOps.Core.Proxy;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// Deploys a Compose project <c>webops-NAME</c>: checks the file (pre_deployment), then writes the env and override
/// files, builds, brings the project up and waits until every service runs (and is healthy when it has a
/// HEALTHCHECK) and the public service answers on its loopback port (post_deployment). A redeploy runs the new release
/// beside the old one as the deployment's other project when the edge can switch to it.
/// </summary>
public sealed class ComposeDeployer(
    ComposeCliLocator locator, ComposeSteps steps, ComposeBeside beside, ComposeWorkspace workspace, ComposeStates states,
    IOptions<DockerOptions> options, IEdgeRouter? edge = null)
{
    /// <summary>pre_deployment: the CLI is there, the file stays inside the checkout, parses and asks for nothing refused.</summary>
    public async Task<HookResult> PrepareAsync(HookContext context, BuildPlan plan, CancellationToken ct)
    {
        var cli = await locator.FindAsync(ct);
        if (cli is null)
        {
            return context.Log.Failed(ComposeCliLocator.Missing);
        }

        context.Log.Info($"Compose CLI: {cli.Describe()}.");
        var (document, problem) = Load(context, plan);
        if (document is null)
        {
            return context.Log.Failed(problem!);
        }

        var errors = ComposeValidator.Validate(document, options.Value.ComposePolicy(), context.CheckoutPath!, Path.GetDirectoryName(FullPath(context, plan)!)!);
        if (errors.Count > 0)
        {
            return context.Log.Failed($"compose file '{plan.ComposeFilePath}' is refused: {string.Join(" ", errors)}");
        }

        context.Log.Info($"Compose file '{plan.ComposeFilePath}': services {string.Join(", ", document.Services().Select(s => s.Name))}; public service {plan.PublicService} on port {plan.Port}.");
        return HookResult.Ok();
    }

    /// <summary>
    /// post_deployment: build, up, wait; returns what runs, or the failure with the evidence. A running project the edge
    /// routes to is redeployed beside itself (<see cref="ComposeBeside"/>) unless the file forbids it
    /// (<see cref="ComposeRedeploy.StopFirstReason"/>); otherwise the services are recreated in place.
    /// </summary>
    public async Task<HookResult> RunAsync(HookContext context, BuildPlan plan, CancellationToken ct)
    {
        var deployment = context.Deployment;
        var cli = await locator.FindAsync(ct);
        var (document, problem) = Load(context, plan);
        if (cli is null || document is null)
        {
            return context.Log.Failed(problem ?? ComposeCliLocator.Missing);
        }

        var (envText, envProblem) = ComposeEnvFile.Render(deployment.EnvVars, deployment.DockerEnvVars);
        if (envText is null)
        {
            return context.Log.Failed(envProblem!);
        }

        var hostPort = deployment.HostPort ?? throw new InvalidOperationException($"Deployment '{deployment.Name}' has no host port.");
        var settings = options.Value;
        var name = deployment.Name;
        var file = FullPath(context, plan)!;
        workspace.Create(name);
        await ComposeEnvFile.WriteAsync(workspace.EnvFile(name), envText, ct);
        await workspace.RememberAsync(name, file, ct);
        var services = document.Services();
        // Pinned names only where the file's version accepts them; such a file is never redeployed beside (two projects would not share them).
        IReadOnlyList<string> volumes = ComposeRedeploy.CanNameVolumes(document.Version) ? [.. document.Volumes().Where(v => !v.NamedByFile).Select(v => v.Key)] : [];
        var release = new ComposeBeside.Release(
            cli, Path.GetDirectoryName(file)!, settings.BindAddress, settings.BuildTimeout, settings.StartTimeout,
            (project, port, token) => File.WriteAllTextAsync(
                workspace.OverrideFile(name, project),
                ComposeOverride.Render([.. services.Select(s => s.Name)], plan.PublicService!, settings.BindAddress, port, plan.Port,
                    workspace.EnvFile(name), name, deployment.DeployRunId, document.Version, deployment.Resources, volumes),
                token),
            project => new ComposeCommands(cli, project, file, workspace.OverrideFile(name, project), workspace.EnvFile(name)));

        var current = deployment.ComposeProject ?? ComposeNames.Project(name);
        var running = await states.ReadAsync(current, ct);
        if (running.Count > 0)
        {
            var routed = edge is not null && edge.Routes(deployment);
            var publicRunning = running.Any(s => s.Service == plan.PublicService && s.State == "running");
            if (ComposeRedeploy.StopFirstReason(document, current, plan.PublicService!, routed, publicRunning) is { } stopFirst)
            {
                context.Log.Info(stopFirst);
            }
            else
            {
                var (project, port, failure) = await beside.RunAsync(context, edge!, current, release, ct);
                return project is null ? context.Log.Failed(failure!) : Started(context, project, plan, port);
            }
        }

        return await StopFirstAsync(context, plan, release, current, hostPort, existing: running.Count > 0, ct);
    }

    /// <summary>A first deploy, or a redeploy that recreates the changed services in place.</summary>
    private async Task<HookResult> StopFirstAsync(
        HookContext context, BuildPlan plan, ComposeBeside.Release release, string project, int hostPort, bool existing, CancellationToken ct)
    {
        await release.Publish(project, hostPort, ct);
        var commands = release.Commands(project);
        if (await steps.RunAsync(context, release.Cli, commands.Build(), release.Folder, release.BuildTimeout, "Compose build", ct) is { } buildFailure)
        {
            return context.Log.Failed(buildFailure);
        }

        var failure = await steps.RunAsync(context, release.Cli, commands.Up(), release.Folder, release.StartTimeout + release.BuildTimeout, "Compose up", ct)
            ?? await steps.WaitReadyAsync(context, project, release.BindAddress, hostPort, release.StartTimeout, ct);
        if (failure is not null)
        {
            if (!existing)
            {
                // A first deploy that did not come up leaves nothing behind.
                await steps.DownAsync(context, release.Cli, commands, release.Folder);
            }

            return context.Log.Failed(failure);
        }

        return Started(context, project, plan, hostPort);
    }

    private HookResult Started(HookContext context, string project, BuildPlan plan, int hostPort)
    {
        var bind = options.Value.BindAddress;
        var url = string.Create(CultureInfo.InvariantCulture, $"http://{bind}:{hostPort}/");
        var message = $"Compose project {project} runs; public service {plan.PublicService} at {url}.";
        context.Log.Info(message);
        return HookResult.Started(
            new RunningCompose(project, plan.PublicService!)
            {
                PublishedPorts = [string.Create(CultureInfo.InvariantCulture, $"{bind}:{hostPort}->{plan.Port}/tcp")],
                Url = url,
                HostPort = hostPort,
            },
            message);
    }

    private static string? FullPath(HookContext context, BuildPlan plan) => BuildPlanner.Resolve(context.CheckoutPath!, plan.ComposeFilePath!);

    private static (ComposeDocument? Document, string? Problem) Load(HookContext context, BuildPlan plan)
    {
        var full = FullPath(context, plan);
        var real = full is null ? null : new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        if (real is null || BuildPlanner.Resolve(context.CheckoutPath!, Path.GetRelativePath(context.CheckoutPath!, real)) is null || !File.Exists(real))
        {
            return (null, $"docker_compose_path '{plan.ComposeFilePath}' is not a file inside the repository {context.Deployment.RepoUrl}@{context.Deployment.Branch}; give a path inside it, such as compose.yaml.");
        }

        try
        {
            return (ComposeDocument.Parse(File.ReadAllText(real), plan.ComposeFilePath!), null);
        }
        catch (ComposeFileException e)
        {
            return (null, e.Message);
        }
    }
}

using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Compose;
using WebOps.Core.Hooks;
using WebOps.Core.Planning;
using WebOps.Core.Processes;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// Deploys a Compose project <c>webops-NAME</c>: checks the file (pre_deployment), then writes the env and override
/// files, builds, brings the project up and waits until every service runs (and is healthy when it has a
/// HEALTHCHECK) and the public service answers on its loopback port (post_deployment).
/// </summary>
public sealed class ComposeDeployer(
    ComposeCliLocator locator, ComposeProcess process, ComposeWorkspace workspace, ComposeStates states, IOptions<DockerOptions> options)
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

    /// <summary>post_deployment: build, up, wait; returns what runs, or the failure with the evidence.</summary>
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
        await File.WriteAllTextAsync(
            workspace.OverrideFile(name),
            ComposeOverride.Render([.. document.Services().Select(s => s.Name)], plan.PublicService!, settings.BindAddress, hostPort, plan.Port,
                workspace.EnvFile(name), name, deployment.DeployRunId, document.Version, deployment.Resources),
            ct);
        await workspace.RememberAsync(name, file, ct);
        var project = ComposeNames.Project(name);
        var commands = new ComposeCommands(cli, project, file, workspace.OverrideFile(name), workspace.EnvFile(name));
        var folder = Path.GetDirectoryName(file)!;
        var existing = (await states.ContainersAsync(project, ct)).Count > 0;
        if (existing)
        {
            context.Log.Info($"Redeploying {project} stop-first: Compose recreates the services whose image or settings changed in place, so the public service {plan.PublicService} is briefly down.");
        }

        if (await StepAsync(context, cli, commands.Build(), folder, settings.BuildTimeout, "Compose build", ct) is { } buildFailure)
        {
            return context.Log.Failed(buildFailure);
        }

        var failure = await StepAsync(context, cli, commands.Up(), folder, settings.StartTimeout + settings.BuildTimeout, "Compose up", ct)
            ?? await WaitReadyAsync(context, project, settings.BindAddress, hostPort, settings.StartTimeout, ct);
        if (failure is not null)
        {
            if (!existing)
            {
                // A first deploy that did not come up leaves nothing behind.
                await StepAsync(context, cli, commands.Down(volumes: false, images: false), folder, TimeSpan.FromMinutes(2), "Compose down", CancellationToken.None);
            }

            return context.Log.Failed(failure);
        }

        var url = string.Create(CultureInfo.InvariantCulture, $"http://{settings.BindAddress}:{hostPort}/");
        var message = $"Compose project {project} runs; public service {plan.PublicService} at {url}.";
        context.Log.Info(message);
        return HookResult.Started(
            new RunningCompose(project, plan.PublicService!)
            {
                PublishedPorts = [string.Create(CultureInfo.InvariantCulture, $"{settings.BindAddress}:{hostPort}->{plan.Port}/tcp")],
                Url = url,
            },
            message);
    }

    /// <summary>Every service running (healthy when it has a HEALTHCHECK) and the public port accepting connections.</summary>
    private async Task<string?> WaitReadyAsync(HookContext context, string project, string host, int port, TimeSpan limit, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        IReadOnlyList<ServiceState> last = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            last = await states.ReadAsync(project, ct);
            if (last.FirstOrDefault(s => s.State == "exited") is { } exited)
            {
                return $"Compose project {project} did not come up: {exited.Problem()}; see its logs (Runtime logs, service {exited.Service}).";
            }

            if (last.Count > 0 && last.All(s => s.State == "running" && s.Health is null or "healthy") && await AcceptsAsync(host, port, ct))
            {
                context.Log.Info($"Services: {string.Join(", ", last.Select(s => $"{s.Service} {s.Describe()}"))}.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }

        return $"Compose project {project} was not ready within {limit.TotalSeconds:0} s: "
            + $"{(last.Count == 0 ? "no container" : string.Join(", ", last.Select(s => $"{s.Service} {s.Describe()}")))}; the public port {port} {(await AcceptsAsync(host, port, ct) ? "answers" : "does not answer")}.";
    }

    private static async Task<bool> AcceptsAsync(string host, int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            await client.ConnectAsync(host, port, limit.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<string?> StepAsync(
        HookContext context, ComposeCli cli, IReadOnlyList<string> arguments, string folder, TimeSpan limit, string what, CancellationToken ct)
    {
        context.Log.Info($"Running {cli.Program} {string.Join(' ', arguments)}");
        var result = await process.RunAsync(cli, arguments, folder, limit, line => context.Log.Info(line.Text), ct);
        return result.ExitCode == 0 && !result.TimedOut ? null : ComposeProcess.Failure(what, result);
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

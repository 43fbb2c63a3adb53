using System.Globalization;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using SwarmTaskState = Docker.DotNet.Models.TaskState;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The swarm half of a Docker deploy, after the image was built on the manager as for a local deploy: tag it for the
/// registry, push it, and create or update the service <c>webops-{name}</c> to run it by digest, then wait until the
/// rollout converged or Swarm rolled it back. A rollback's image is a digest reference already and is not pushed again.
/// </summary>
public sealed class SwarmDeployer(
    DockerEngine engine, SwarmServices services, IOptions<RegistryOptions> registry, TimeProvider clock, SwarmPruner? pruner = null,
    SwarmSecretsStore? secrets = null, Routing.ISwarmRouteRefresh? routes = null)
{
    /// <summary>Generous: a node may have to pull the image first, and start-first updates one task at a time.</summary>
    public static readonly TimeSpan ConvergeTimeout = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly SwarmImageProbe probe = new(services);

    public async Task<HookResult> RunAsync(HookContext context, string builtImage, bool rollback, CancellationToken ct)
    {
        var d = context.Deployment;
        try
        {
            var image = rollback ? builtImage : await PushAsync(context, builtImage, ct);
            var current = await services.FindServiceAsync(d.ServiceName, ct);
            var (mounts, command) = await VariablesAsync(context, builtImage, ct);
            var spec = SwarmServiceSpec.For(d, image, secrets: mounts, command: command);
            if (current is null)
            {
                context.Log.Info($"Creating service {d.ServiceName}: {d.Replicas} replica(s) of {image}.");
                await services.CreateServiceAsync(spec, ct);
            }
            else
            {
                context.Log.Info($"Updating service {d.ServiceName} to {image} ({d.Replicas} replica(s), start-first, rollback on failure).");
                await services.UpdateServiceAsync(current, spec, ct);
            }

            var serviceId = await WaitAsync(context, image, ct);

            // The edge routes the new tasks before the deploy says it is done.
            if (routes is not null && await routes.RefreshAsync(d.Name, ct) is { } routed)
            {
                context.Log.Info(routed);
            }

            if (secrets is not null)
            {
                var removed = await secrets.RemoveAsync(d.Name, mounts.Select(m => m.Name).ToHashSet(StringComparer.Ordinal), context.Log.Warn, ct);
                if (removed.Count > 0)
                {
                    context.Log.Info($"Removed {removed.Count} Swarm secret(s) no release uses any more: {string.Join(", ", removed)}");
                }
            }

            if (pruner is not null)
            {
                await pruner.PruneAsync(context, Repository(d), image, ct);
            }

            var message = $"Service {d.ServiceName} runs {d.Replicas} task(s) of {image}.";
            context.Log.Info(message);
            return HookResult.Started(new RunningContainer(image, serviceId) { ServiceName = d.ServiceName, Replicas = d.Replicas }, message);
        }
        catch (SwarmDeployException e)
        {
            return context.Log.Failed(e.Message);
        }
    }

    /// <summary>Tags the built image <c>{registry}/webops/{name}:deploy-N</c>, pushes it, and answers it by digest.</summary>
    private async Task<string> PushAsync(HookContext context, string builtImage, CancellationToken ct)
    {
        var d = context.Deployment;
        var runId = d.DeployRunId ?? (int)clock.GetUtcNow().ToUnixTimeSeconds();
        var tagged = $"{Repository(d)}:{ImageReference.DeployTagPrefix}{runId.ToString(CultureInfo.InvariantCulture)}";
        await engine.TagImageAsync(builtImage, tagged, ct);
        context.Log.Info($"Pushing {tagged} so every node can pull it.");
        var digest = await services.PushAsync(tagged, new SyncProgress<string>(line => context.Log.Info(line)), ct);
        return $"{tagged}@{digest}";
    }

    /// <summary>
    /// The deployment's variables, so that the app finds each in its environment as a container does while the
    /// service spec holds no value: Swarm secrets, put back into the environment by a wrapper around the image's
    /// command (<see cref="SwarmSecretEnvScript"/>). An image without <c>/bin/sh</c> cannot run the wrapper, so its
    /// values go into the spec as plain environment, and the log says so.
    /// </summary>
    private async Task<(IReadOnlyList<SwarmSecretMount> Mounts, IList<string>? Command)> VariablesAsync(HookContext context, string builtImage, CancellationToken ct)
    {
        var files = SwarmSecrets.For(context.Deployment);
        if (secrets is null || files.Count == 0)
        {
            return ([], null);
        }

        var keys = string.Join(", ", files.Select(f => f.Key));
        var facts = await probe.ProbeAsync(SwarmImageProbe.Local(builtImage), ct);
        if (facts is null)
        {
            context.Log.Warn($"Image {builtImage} is not on the manager, so whether it has {SwarmImageProbe.ShellPath} is unknown: variables {keys} reach the tasks only as files /run/secrets/KEY, named by KEY_FILE. Deploy again to build it here.");
            return (await secrets.EnsureAsync(context.Deployment.Name, files, ct), null);
        }

        if (!facts.HasShell)
        {
            context.Log.Info($"Variables {keys} are visible in the service spec (docker service inspect) because image {builtImage} has no {SwarmImageProbe.ShellPath} to read them from Swarm secrets.");
            return ([], null);
        }

        var mounts = await secrets.EnsureAsync(context.Deployment.Name, files, ct);
        var command = SwarmSecretEnvScript.Command(mounts.Select(m => m.Key), facts.Entrypoint, facts.Cmd);
        context.Log.Info(command is null
            ? $"Variables {keys} reach the tasks as Swarm secrets, files /run/secrets/KEY named by KEY_FILE; image {builtImage} has neither ENTRYPOINT nor CMD to run with them in its environment."
            : $"Variables {keys} reach the tasks as Swarm secrets, read into the environment by {SwarmImageProbe.ShellPath} before the image's command starts (also files /run/secrets/KEY, named by KEY_FILE); the service spec holds no value.");
        return (mounts, command);
    }

    /// <summary>Where the deployment's images are pushed: <c>{registry}/webops/{name}</c>.</summary>
    private string Repository(DeploymentSnapshot d) => $"{registry.Value.Address.Trim().TrimEnd('/')}/webops/{d.Name}";

    /// <summary>Polls the service until its rollout converged; throws with Swarm's reason when it failed or took too long.</summary>
    private async Task<string> WaitAsync(HookContext context, string image, CancellationToken ct)
    {
        var d = context.Deployment;
        var deadline = clock.GetUtcNow() + ConvergeTimeout;
        var lastReport = "";
        while (true)
        {
            var service = await services.FindServiceAsync(d.ServiceName, ct)
                ?? throw new SwarmDeployException($"Service {d.ServiceName} disappeared during the deploy; was it removed by hand? Deploy again.");
            var tasks = await services.ListTasksAsync(d.ServiceName, ct);
            var verdict = SwarmConvergence.Of(d.ServiceName, service.UpdateStatus, tasks, image, d.Replicas);
            if (verdict.Failure is { } failure)
            {
                throw new SwarmDeployException(failure);
            }

            if (verdict.Done)
            {
                return service.ID;
            }

            var report = $"Waiting for service {d.ServiceName}: {tasks.Count(t => t.Status?.State == SwarmTaskState.Running && t.Spec?.ContainerSpec?.Image == image)} of {d.Replicas} new task(s) running, update {service.UpdateStatus?.State ?? "none"}.";
            if (report != lastReport)
            {
                context.Log.Info(report);
                lastReport = report;
            }

            if (clock.GetUtcNow() > deadline)
            {
                throw new SwarmDeployException(
                    $"Service {d.ServiceName} did not converge within {ConvergeTimeout.TotalMinutes:0} min. {SwarmConvergence.LastError(tasks, image)} Check the tasks (docker service ps {d.ServiceName}).".Replace("  ", " ", StringComparison.Ordinal));
            }

            await Task.Delay(Poll, clock, ct);
        }
    }
}

using Docker.DotNet;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Llm;
using WebOps.Addons.Docker.Spec;
using WebOps.Addons.Docker.Systemd;
using WebOps.Core.Hooks;
using WebOps.Core.Planning;
using WebOps.Core.Proxy;
using WebOps.Core.Runtime;
using ContainerInspectResponse = Docker.DotNet.Models.ContainerInspectResponse;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// post_deployment: builds the image (a rollback's plan names an existing one instead), then swaps the app's container
/// for one running it, then prunes old images. Build first, swap second: a failed build never touches the running app.
/// </summary>
public sealed class DockerBuildAndRunHandler(
    DockerEngine engine, ImageBuilder builder, ContainerSwap swap, ImagePruner pruner, IOptions<DockerOptions> options,
    DockerUnits units, ReleaseBeside beside, VllmDeployer? vllm = null, IEdgeRouter? edge = null, Compose.ComposeDeployer? compose = null,
    Swarm.Services.SwarmDeployer? swarm = null) : IHookHandler
{
    public const string HandlerName = "docker.build_and_run";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        if (DockerDeployGuard.Check(context) is { } early)
        {
            return early;
        }

        var deployment = context.Deployment;

        // What to build was decided once after detection (BuildPlanner); the pre_deployment hook already refused a plan
        // with a problem, so anything else here means that hook did not run.
        var plan = context.Plan;
        if (plan is not { Problem: null, Source: ImageSource.RepositoryDockerfile or ImageSource.GeneratedDockerfile or ImageSource.VllmImage or ImageSource.ExistingImage or ImageSource.Compose })
        {
            return context.Log.Failed(plan?.Problem
                ?? $"Deployment '{deployment.Name}' has nothing the Docker addon can build: is its pre_deployment hook (docker.prepare) enabled?");
        }

        if (plan.Source == ImageSource.Compose)
        {
            try
            {
                return compose is null
                    ? context.Log.Failed($"Deployment '{deployment.Name}' is a Compose project and the Compose runtime is not registered.")
                    : await compose.RunAsync(context, plan, cancellationToken);
            }
            catch (DockerUnavailableException e)
            {
                return context.Log.Failed(e.Message);
            }
        }

        if (plan.Source == ImageSource.VllmImage)
        {
            if (vllm is null)
            {
                return context.Log.Failed($"LLM deployment '{deployment.Name}' has no Dockerfile and the vLLM runtime is not registered.");
            }

            try
            {
                return await vllm.RunAsync(context, options.Value.BindAddress, cancellationToken);
            }
            catch (DockerUnavailableException e)
            {
                return context.Log.Failed(e.Message);
            }
        }

        try
        {
            return await BuildAndRunAsync(context, plan, cancellationToken);
        }
        catch (DockerUnavailableException e)
        {
            return context.Log.Failed(e.Message);
        }
        catch (DockerApiException e)
        {
            return context.Log.Failed($"The Docker engine refused a request while deploying '{deployment.Name}': {EngineErrors.Describe(e)}");
        }
    }

    private async Task<HookResult> BuildAndRunAsync(HookContext context, BuildPlan plan, CancellationToken cancellationToken)
    {
        var deployment = context.Deployment;
        var settings = options.Value;

        // Manual runs have no run id; seconds since 1970 still sort after every earlier deploy.
        var runId = deployment.DeployRunId ?? (int)DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        // A rollback starts its release's image as it is; the image belongs to that release and outlives a failed start.
        var rollback = plan.Source == ImageSource.ExistingImage;
        var tag = rollback ? plan.Image! : ImageReference.DeployTag(deployment.ImageName, runId);

        // Where the image runs, decided once: as a Swarm service, beside the current release behind the edge, or in place
        // of the current container (stop first).
        var onSwarm = deployment.Target == Core.Deployments.DeployTarget.Swarm;
        var routedBy = edge is not null && edge.Routes(deployment) ? edge : null;

        // The container a stop-first swap replaces is looked up while the image builds: after the build, every call
        // the swap makes before the new container starts is waited for.
        var current = onSwarm || routedBy is not null ? null : swap.LookUpAsync(context, deployment.ContainerName, cancellationToken);
        if (!rollback && await builder.BuildAsync(context, plan.DockerfilePath!, tag, runId, cancellationToken) is { } buildFailure)
        {
            await ObserveAsync(current);
            return context.Log.Failed(buildFailure);
        }

        if (onSwarm)
        {
            // Swarm target: the image built here runs as a service on the cluster instead of a container here.
            return swarm is null
                ? context.Log.Failed($"Deployment '{deployment.Name}' targets the Swarm cluster and swarm deployments are not registered.")
                : await swarm.RunAsync(context, tag, rollback, cancellationToken);
        }

        var spec = ContainerSpec.For(deployment, tag, deployment.HostPort, settings.BindAddress, runId);
        foreach (var note in spec.Notes)
        {
            context.Log.Info(note);
        }

        // Listed while the container starts, so the pruning after it does not wait for the list.
        var images = pruner.ListAsync(deployment, cancellationToken);
        var (started, failure) = await RunOrRemoveImageAsync(
            context, spec, port => ContainerSpec.For(deployment, tag, port, settings.BindAddress, runId), rollback ? null : tag, routedBy, current, cancellationToken);
        await ObserveAsync(current);
        if (started is null)
        {
            await ObserveAsync(images);
            return context.Log.Failed(failure!);
        }

        await engine.TagImageAsync(tag, deployment.ImageName, cancellationToken);
        await pruner.PruneAsync(deployment, tag, context.EarlierReleaseImages, settings.KeepImages, context.Log, cancellationToken, images);

        var where = started.Url ?? (started.PublishedPorts.Count > 0 ? string.Join(", ", started.PublishedPorts) : $"network {spec.NetworkMode}");
        var message = $"Container {spec.Name} runs {tag} at {where}.";
        context.Log.Info(message);
        return HookResult.Started(
            new RunningContainer(tag, started.Id) { PublishedPorts = started.PublishedPorts, Url = started.Url, HostPort = started.HostPort }, message);
    }

    /// <summary>
    /// A look-up started ahead that the run no longer needs (it failed, or took another way): its failure is no news
    /// then, since the run already reported its own outcome.
    /// </summary>
    private static async Task ObserveAsync(Task? ahead)
    {
        if (ahead is null)
        {
            return;
        }

        try
        {
            await ahead;
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            // The deploy already failed for its own reason, which is the message the user needs.
        }
    }

    /// <summary>
    /// A run that did not start leaves neither its container nor the image it built (<paramref name="built"/>) behind.
    /// <paramref name="routedBy"/>: the edge when it routes the deployment (the new release may start beside the current one).
    /// </summary>
    private async Task<(StartedContainer? Started, string? Failure)> RunOrRemoveImageAsync(
        HookContext context, ContainerSpec spec, Func<int, ContainerSpec> specOn, string? built, IEdgeRouter? routedBy,
        Task<ContainerInspectResponse?>? current, CancellationToken cancellationToken)
    {
        (StartedContainer? Started, string? Failure) outcome = (null, null);
        try
        {
            if (units.Enabled && units.Refusal(context.Deployment.Name, spec) is { } refused)
            {
                return (null, refused);
            }

            if (routedBy is not null)
            {
                var stopFirst = await beside.StopFirstReasonAsync(spec, units.Enabled, cancellationToken);
                if (stopFirst is null)
                {
                    outcome = await beside.RunAsync(context, routedBy, specOn, options.Value.StartTimeout, cancellationToken);
                    return outcome;
                }

                context.Log.Info(stopFirst);
            }

            // systemd not being PID 1 falls back to Docker's restart policy (DockerUnits warns once).
            var engineRestarts = !units.Enabled;
            outcome = await swap.RunAsync(context, spec, options.Value.StartTimeout, engineRestarts, cancellationToken, current);
            if (outcome.Started is not null && units.Enabled)
            {
                outcome = await UnitHandover.RunAsync(engine, units, context, spec, options.Value.StartTimeout, cancellationToken);
            }

            return outcome;
        }
        finally
        {
            if (outcome.Started is null && built is { } tag)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await engine.RemoveImageAsync(tag, force: false, cleanup.Token);
                }
                catch (Exception e)
                {
                    context.Log.Warn($"Could not remove image {tag} of the failed run: {e.Message}");
                }
            }
        }
    }
}

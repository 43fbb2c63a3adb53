using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Llm;

/// <summary>
/// Replaces an LLM deployment's container with a new vLLM one. As for other apps, the old container is stopped and
/// set aside until the new one answers, and put back if it does not. Stopping first also frees the GPU memory the
/// new server needs: two copies of a model rarely fit at once.
/// </summary>
public sealed class VllmContainer(DockerEngine engine)
{
    public async Task<(StartedContainer? Started, string? Failure)> RunAsync(
        HookContext context, VllmSpec spec, string servedName, TimeSpan startPeriod, CancellationToken cancellationToken)
    {
        var asideName = $"{spec.Name}.previous";
        await engine.RemoveContainerAsync(asideName, force: true, cancellationToken);
        var previous = await SetAsideAsync(context, spec.Name, asideName, cancellationToken);
        string? id = null;
        try
        {
            // No restart policy while starting: a crash stays a crash, with its exit code and output.
            var parameters = spec.ToCreateParameters();
            parameters.HostConfig!.RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No };
            id = await engine.CreateContainerAsync(parameters, cancellationToken);
            await engine.StartContainerAsync(id, cancellationToken);
            context.Log.Info($"Started container {spec.Name}; waiting up to {Durations.Describe(startPeriod)} for vLLM to list '{servedName}'.");
            var (ready, last) = await VllmReadiness.WaitAsync(engine, id, spec, servedName, startPeriod, context.Log, cancellationToken);
            if (ready && last is not null)
            {
                await engine.UpdateRestartPolicyAsync(id, RestartPolicyKind.UnlessStopped, cancellationToken);
                if (previous is not null)
                {
                    await engine.RemoveContainerAsync(asideName, force: true, cancellationToken);
                }

                return (Describe(spec, last), null);
            }

            var failure = await FailureAsync(spec, id, last, servedName, startPeriod, cancellationToken);
            await RollBackAsync(context, spec.Name, id, previous is null ? null : asideName);
            return (null, failure);
        }
        catch (DockerApiException e)
        {
            await RollBackAsync(context, spec.Name, id, previous is null ? null : asideName);
            return (null, $"Container {spec.Name} could not be {(id is null ? "created" : "started")}: {EngineErrors.Describe(e)}");
        }
        catch (Exception)
        {
            await RollBackAsync(context, spec.Name, id, previous is null ? null : asideName);
            throw;
        }
    }

    private async Task<string> FailureAsync(
        VllmSpec spec, string id, ContainerInspectResponse? last, string servedName, TimeSpan startPeriod, CancellationToken cancellationToken)
    {
        var logs = await engine.GetLogsAsync(id, StartFailures.LogLines, cancellationToken);
        if (last?.State is { Running: false } state)
        {
            return StartFailures.Exited(spec.Name, state.ExitCode, logs);
        }

        var tail = logs.Count == 0
            ? "The container wrote no output."
            : $"Last {StartFailures.LogLines} log lines:\n{string.Join('\n', logs.TakeLast(StartFailures.LogLines).Select(l => l.Text))}";
        return $"Container {spec.Name} is running, but vLLM did not list model '{servedName}' on {VllmModels.Path} within {Durations.Describe(startPeriod)}. "
            + $"A large model can take longer to download and load: raise Llm:StartPeriod, or check the model id and the Hugging Face token. {tail}";
    }

    private static StartedContainer Describe(VllmSpec spec, ContainerInspectResponse inspect)
    {
        var endpoint = PublishedPorts.AppEndpoint(inspect, spec.Port);
        var published = inspect.NetworkSettings?.Ports?.TryGetValue(spec.Port.ContainerKey, out var bindings) == true && bindings is not null
            ? bindings.Select(b => PortPublish.Describe(b.HostIP, b.HostPort, spec.Port.ContainerKey)).ToList()
            : [];
        var url = endpoint is { } app ? VllmReadiness.ModelsUrl(app.Host, app.Port).GetLeftPart(UriPartial.Authority) + "/" : null;
        return new StartedContainer(inspect.ID, published, url);
    }

    private async Task<string?> SetAsideAsync(HookContext context, string name, string asideName, CancellationToken cancellationToken)
    {
        var existing = await engine.InspectContainerAsync(name, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        await engine.StopContainerAsync(existing.ID, ContainerSwap.StopGrace, cancellationToken);
        await engine.RenameContainerAsync(existing.ID, asideName, cancellationToken);
        context.Log.Info($"Stopped the previous container {name} ({existing.Config?.Image}), freeing its GPUs; it is kept until the new one answers.");
        return existing.ID;
    }

    /// <summary>Runs even when the deploy was cancelled, within its own time limit: nothing of a failed run stays.</summary>
    private async Task RollBackAsync(HookContext context, string name, string? newId, string? asideName)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            if (newId is not null)
            {
                await engine.RemoveContainerAsync(newId, force: true, cleanup.Token);
            }

            if (asideName is not null)
            {
                await engine.RenameContainerAsync(asideName, name, cleanup.Token);
                await engine.StartContainerAsync(name, cleanup.Token);
                context.Log.Warn($"Rolled back: the previous container {name} runs again.");
            }
        }
        catch (Exception e) when (e is DockerApiException or DockerUnavailableException or OperationCanceledException)
        {
            context.Log.Error($"Could not roll back container {name}: {e.Message}. Redeploy, or start it with the Start action.");
        }
    }
}

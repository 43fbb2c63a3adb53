using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Build;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Llm;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Llm;

/// <summary>
/// Deploys an <c>llm</c> deployment that has no Dockerfile of its own: no image is built; the pinned vLLM image runs
/// with the deployment's model on the host's GPUs. Called by the Docker addon's prepare and build_and_run hooks when
/// the build plan says <see cref="WebOps.Core.Planning.ImageSource.VllmImage"/>.
/// </summary>
public sealed class VllmDeployer(
    DockerEngine engine, ILlmSettingsSource settingsSource, VllmContainer container, IOptions<LlmOptions> llmOptions)
{
    /// <summary>pre_deployment: the settings exist and the engine can give GPUs, before anything is pulled or created.</summary>
    public async Task<HookResult> PrepareAsync(HookContext context, CancellationToken cancellationToken)
    {
        // The host first: without a GPU runtime no setting can help.
        var info = await engine.GetSystemInfoAsync(cancellationToken);
        if (GpuRuntime.Problem(info.Runtimes?.Keys, info.DefaultRuntime) is { } problem)
        {
            return context.Log.Failed(problem);
        }

        var (settings, missing) = await SettingsAsync(context.Deployment, cancellationToken);
        if (settings is null)
        {
            return context.Log.Failed(missing!);
        }

        context.Log.Info($"No Dockerfile: vLLM ({llmOptions.Value.Image}) will serve {settings.Model} as '{settings.EffectiveServedModelName}' on GPUs {settings.Gpus}.");
        return HookResult.Ok();
    }

    /// <summary>post_deployment: pulls the vLLM image when missing, then swaps the container and waits for the model.</summary>
    public async Task<HookResult> RunAsync(HookContext context, string bindAddress, CancellationToken cancellationToken)
    {
        var deployment = context.Deployment;
        var (settings, missing) = await SettingsAsync(deployment, cancellationToken);
        if (settings is null)
        {
            return context.Log.Failed(missing!);
        }

        var image = llmOptions.Value.Image;
        if (await EnsureImageAsync(context, image, cancellationToken) is { } pullFailure)
        {
            return context.Log.Failed(pullFailure);
        }

        var spec = VllmSpec.For(deployment, settings, image, deployment.HostPort, bindAddress, deployment.DeployRunId);
        context.Log.Info($"vLLM command: {string.Join(' ', spec.Command)}");
        var (started, failure) = await container.RunAsync(context, spec, settings.EffectiveServedModelName, llmOptions.Value.StartPeriod, cancellationToken);
        if (started is null)
        {
            return context.Log.Failed(failure!);
        }

        var message = $"Container {spec.Name} serves '{settings.EffectiveServedModelName}' at {started.Url}v1 (OpenAI API).";
        context.Log.Info(message);
        return HookResult.Started(new RunningContainer(image, started.Id) { PublishedPorts = started.PublishedPorts, Url = started.Url }, message);
    }

    private async Task<(LlmSettings? Settings, string? Missing)> SettingsAsync(DeploymentSnapshot deployment, CancellationToken cancellationToken) =>
        await settingsSource.FindAsync(deployment.Id, cancellationToken) is { } settings
            ? (settings, null)
            : (null, $"LLM deployment '{deployment.Name}' has no model set; save its LLM settings (PUT /api/deployments/{deployment.Name}/llm with a model), then redeploy.");

    /// <summary>Null when the image is there (or was pulled); else why it is not.</summary>
    private async Task<string?> EnsureImageAsync(HookContext context, string image, CancellationToken cancellationToken)
    {
        if (await engine.InspectImageAsync(image, cancellationToken) is not null)
        {
            return null;
        }

        context.Log.Info($"Pulling {image} (several GB; up to {Durations.Describe(llmOptions.Value.PullTimeout)}).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(llmOptions.Value.PullTimeout);
        var errors = new List<string>();
        try
        {
            await engine.PullImageAsync(image, message => OnPullMessage(context, message, errors), timeout.Token);
        }
        catch (global::Docker.DotNet.DockerApiException e)
        {
            errors.Add(EngineErrors.Describe(e));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            errors.Add($"the pull did not finish within {Durations.Describe(llmOptions.Value.PullTimeout)}");
        }

        return await engine.InspectImageAsync(image, cancellationToken) is not null
            ? null
            : $"Image {image} could not be pulled: {string.Join("; ", errors.DefaultIfEmpty("the engine reported no error"))}. "
                + $"Check the host reaches the registry, or load the image (docker load) or set Llm:Image to one the host has, then redeploy.";
    }

    /// <summary>Only the pull's overall status lines are logged, not every layer's progress.</summary>
    private static void OnPullMessage(HookContext context, JSONMessage message, List<string> errors)
    {
        if (message.Error is not null)
        {
            errors.Add(message.Error.Message ?? "the engine reported an error without text");
        }
        else if (string.IsNullOrEmpty(message.ID) && !string.IsNullOrEmpty(message.Status))
        {
            context.Log.Info(message.Status);
        }
    }
}

using System.Globalization;
using System.Net;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Llm;

/// <summary>
/// A vLLM server's readiness: it lists the served model on <c>/v1/models</c>, or the container exits, or the start
/// period ends. Loading a model takes minutes, so the wait is long and says now and then that it is still waiting.
/// </summary>
internal sealed class VllmReadiness(DockerEngine engine, VllmSpec spec, string servedName, TimeSpan startPeriod) : IReadinessCheck
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMinutes(1);

    public async Task<(StartedContainer? Started, string? Failure)> WaitReadyAsync(
        HookContext context, string containerId, CancellationToken cancellationToken)
    {
        context.Log.Info($"Started container {spec.Name}; waiting up to {Durations.Describe(startPeriod)} for vLLM to list '{servedName}'.");
        var (ready, last) = await WaitAsync(containerId, context.Log, cancellationToken);
        if (ready && last is not null)
        {
            return (Describe(last), null);
        }

        var logs = await engine.GetLogsAsync(containerId, StartFailures.LogLines, cancellationToken);
        if (last?.State is { Running: false } state)
        {
            return (null, StartFailures.Exited(spec.Name, state.ExitCode, logs));
        }

        return (null, StartFailures.ModelNotListed(spec.Name, servedName, VllmModels.Path, startPeriod, logs));
    }

    /// <summary>Returns the final inspection and whether the model was listed.</summary>
    private async Task<(bool Ready, ContainerInspectResponse? Last)> WaitAsync(string containerId, IDeploymentLog log, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(startPeriod);
        var started = DateTimeOffset.UtcNow;
        var nextProgress = started + ProgressEvery;
        ContainerInspectResponse? last = null;
        try
        {
            while (true)
            {
                last = await engine.InspectContainerAsync(containerId, deadline.Token);
                if (last?.State is null || !last.State.Running || last.State.Restarting)
                {
                    return (false, last);
                }

                if (PublishedPorts.AppEndpoint(last, spec.Port) is { } target
                    && await ListsModelAsync(ModelsUrl(target.Host, target.Port), servedName, deadline.Token))
                {
                    return (true, last);
                }

                if (DateTimeOffset.UtcNow >= nextProgress)
                {
                    var minutes = (int)(DateTimeOffset.UtcNow - started).TotalMinutes;
                    log.Info(string.Create(CultureInfo.InvariantCulture,
                        $"vLLM is still loading '{servedName}' after {minutes} min (waiting up to {Durations.Describe(startPeriod)})."));
                    nextProgress += ProgressEvery;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, last);
        }
    }

    private StartedContainer Describe(ContainerInspectResponse inspect)
    {
        var endpoint = PublishedPorts.AppEndpoint(inspect, spec.Port);
        var published = inspect.NetworkSettings?.Ports?.TryGetValue(spec.Port.ContainerKey, out var bindings) == true && bindings is not null
            ? bindings.Select(b => PortPublish.Describe(b.HostIP, b.HostPort, spec.Port.ContainerKey)).ToList()
            : [];
        var url = endpoint is { } app ? ModelsUrl(app.Host, app.Port).GetLeftPart(UriPartial.Authority) + "/" : null;
        return new StartedContainer(inspect.ID, published, url);
    }

    public static Uri ModelsUrl(string host, int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port}{VllmModels.Path}"));

    /// <summary>Connection refused, a 503 while loading, a timeout: all mean "not yet".</summary>
    private static async Task<bool> ListsModelAsync(Uri url, string servedName, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(RequestTimeout);
        try
        {
            using var response = await Http.GetAsync(url, attempt.Token);
            return response.StatusCode == HttpStatusCode.OK
                && VllmModels.Lists(await response.Content.ReadAsStringAsync(attempt.Token), servedName);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}

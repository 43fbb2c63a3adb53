using System.Globalization;
using Microsoft.Extensions.Logging;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>
/// Runs one hook with its time limit and writes its start and end lines to the deployment log. Never throws for
/// a hook's own failure; only cancellation of the whole run propagates. Durations come from the panel's clock, so
/// what the log and the run records say agrees with every other time the panel shows.
/// </summary>
internal sealed class HookInvoker(IReadOnlyDictionary<string, IHookHandler> handlers, ExecutableHook executables, TimeProvider clock, ILogger logger)
{
    public async Task<HookRunRecord> InvokeAsync(HookDefinition hook, DiscoveredAddon addon, HookContext context, CancellationToken ct)
    {
        var source = $"addon:{addon.Name}";
        var eventName = hook.Event.ToName();
        context.Log.Write(DeploymentLogLevel.Info, source, $"{eventName} started");
        var child = HookContextScope.CreateChild(context);
        var started = clock.GetTimestamp();
        using var timeLimit = new CancellationTokenSource(hook.Timeout, clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, timeLimit.Token);
        HookResult result;
        try
        {
            result = hook.Handler is { } name
                ? await RunHandlerAsync(name, child, timeout.Token)
                : await executables.RunAsync(hook, addon, child, timeout.Token);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.Log.Write(DeploymentLogLevel.Warning, source, $"{eventName} cancelled after {Seconds(clock.GetElapsedTime(started))}");
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var limit = Seconds(hook.Timeout);
            context.Log.Write(DeploymentLogLevel.Error, source, $"{eventName} timed out after {limit}");
            logger.LogWarning("Addon {Addon} {Event} hook timed out after {Limit}.", addon.Name, eventName, limit);
            HookMeter.Record(hook.Event, addon.Name, hook.Timeout);
            return new(hook, HookRunStatus.TimedOut, $"timed out after {limit}", hook.Timeout, Unhealthy(hook));
        }
        catch (Exception ex)
        {
            // What a crashed hook left half-written in its bags is not merged.
            logger.LogWarning(ex, "Addon {Addon} {Event} hook threw.", addon.Name, eventName);
            var failure = HookResult.Fail($"threw {ex.GetType().Name}: {ex.Message}");
            return Finish(hook, failure, clock.GetElapsedTime(started), context.Log, source);
        }

        HookContextScope.MergeBack(child, context, addon.Name);
        return Finish(hook, result, clock.GetElapsedTime(started), context.Log, source);
    }

    private async Task<HookResult> RunHandlerAsync(string name, HookContext child, CancellationToken token)
    {
        if (!handlers.TryGetValue(name, out var handler))
        {
            return HookResult.Fail($"no built-in handler named '{name}'");
        }

        var work = handler.ExecuteAsync(child, token);
        try
        {
            // A handler that ignores its token is abandoned here at the time limit.
            return await work.WaitAsync(token);
        }
        catch (OperationCanceledException) when (!work.IsCompleted)
        {
            _ = work.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }

    private static HookRunRecord Finish(HookDefinition hook, HookResult result, TimeSpan elapsed, IDeploymentLog log, string source)
    {
        HookMeter.Record(hook.Event, hook.Addon, elapsed);
        var eventName = hook.Event.ToName();
        var took = Seconds(elapsed);
        if (hook.Event == HookEvent.HealthCheck)
        {
            var unhealthy = !result.Succeeded || result.Health == HealthState.Unhealthy;
            var health = unhealthy ? HealthState.Unhealthy : HealthState.Healthy;
            var text = unhealthy
                ? $"{eventName} unhealthy in {took}: {result.Message}"
                : $"{eventName} healthy in {took}" + (result.Message is { Length: > 0 } m ? $": {m}" : "");
            log.Write(unhealthy ? DeploymentLogLevel.Warning : DeploymentLogLevel.Info, source, text);
            var status = result.Succeeded ? HookRunStatus.Succeeded : HookRunStatus.Failed;
            return new(hook, status, result.Message, elapsed, health);
        }

        if (result.Succeeded)
        {
            log.Write(DeploymentLogLevel.Info, source, $"{eventName} succeeded in {took}");
            return new(hook, HookRunStatus.Succeeded, result.Message, elapsed, App: result.App);
        }

        log.Write(DeploymentLogLevel.Error, source, $"{eventName} failed in {took}: {result.Message}");
        return new(hook, HookRunStatus.Failed, result.Message, elapsed);
    }

    private static HealthState Unhealthy(HookDefinition hook) =>
        hook.Event == HookEvent.HealthCheck ? HealthState.Unhealthy : HealthState.Unknown;

    internal static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}

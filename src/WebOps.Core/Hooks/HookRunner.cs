using Microsoft.Extensions.Logging;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;
using WebOps.Core.Processes;

namespace WebOps.Core.Hooks;

/// <summary>
/// Runs the hooks of enabled, valid addons at the three hook points, in <see cref="HookOrder"/>, each with its
/// own time limit. The failure rules differ per point: pre_deployment is a gate, post_deployment carries on only
/// with <c>always</c> hooks, health_check runs everything.
/// </summary>
public sealed class HookRunner
{
    private readonly AddonRegistry registry;
    private readonly HookInvoker invoker;

    public HookRunner(AddonRegistry registry, IEnumerable<IHookHandler> handlers, ProcessRunner processes, TimeProvider clock, ILogger<HookRunner> logger)
    {
        this.registry = registry;
        var byName = new Dictionary<string, IHookHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            byName.TryAdd(handler.Name, handler);
        }

        invoker = new HookInvoker(byName, new ExecutableHook(processes), clock, logger);
    }

    /// <summary>The gate before a deploy: the first hook that fails, throws or times out stops the rest.</summary>
    public async Task<HookRunOutcome> RunPreDeploymentAsync(HookContext ctx, CancellationToken ct)
    {
        var records = new List<HookRunRecord>();
        HookRunRecord? failure = null;
        foreach (var (hook, addon) in await HooksAsync(HookEvent.PreDeployment, ct))
        {
            if (failure is not null)
            {
                records.Add(Skip(ctx, hook, $"not run: addon '{failure.Hook.Addon}' failed first"));
                continue;
            }

            var record = await invoker.InvokeAsync(hook, addon, ctx, ct);
            records.Add(record);
            failure = record.Failed ? record : null;
        }

        return Outcome(HookEvent.PreDeployment, records);
    }

    /// <summary>After the main deploy: once a hook fails, only hooks marked <c>always: true</c> still run.</summary>
    public async Task<HookRunOutcome> RunPostDeploymentAsync(HookContext ctx, CancellationToken ct)
    {
        var records = new List<HookRunRecord>();
        HookRunRecord? failure = null;
        foreach (var (hook, addon) in await HooksAsync(HookEvent.PostDeployment, ct))
        {
            if (failure is not null && !hook.Always)
            {
                records.Add(Skip(ctx, hook, $"not run: addon '{failure.Hook.Addon}' failed (set always: true to run anyway)"));
                continue;
            }

            var record = await invoker.InvokeAsync(hook, addon, ctx, ct);
            records.Add(record);
            failure ??= record.Failed ? record : null;
        }

        return Outcome(HookEvent.PostDeployment, records);
    }

    /// <summary>Every health_check hook runs; one unhealthy answer, crash or timeout makes the result Unhealthy.</summary>
    public Task<HealthOutcome> RunHealthChecksAsync(HookContext ctx, CancellationToken ct) => RunHealthChecksAsync(ctx, refreshEnabled: true, ct);

    /// <param name="refreshEnabled">False when the caller re-read the enabled flags just before (a health sweep reads them once, not once per app).</param>
    public async Task<HealthOutcome> RunHealthChecksAsync(HookContext ctx, bool refreshEnabled, CancellationToken ct)
    {
        var records = new List<HookRunRecord>();
        foreach (var (hook, addon) in await HooksAsync(HookEvent.HealthCheck, ct, refreshEnabled))
        {
            records.Add(await invoker.InvokeAsync(hook, addon, ctx, ct));
        }

        var unhealthy = records.FirstOrDefault(r => r.Health == HealthState.Unhealthy);
        var health = unhealthy is not null ? HealthState.Unhealthy
            : records.Count > 0 ? HealthState.Healthy
            : HealthState.Unknown;
        var message = unhealthy is null ? null : $"Addon '{unhealthy.Hook.Addon}' reported unhealthy: {unhealthy.Message}";
        return new HealthOutcome(health, message, records);
    }

    private async Task<List<(HookDefinition Hook, DiscoveredAddon Addon)>> HooksAsync(HookEvent hookEvent, CancellationToken ct, bool refreshEnabled = true)
    {
        if (refreshEnabled)
        {
            await registry.RefreshEnabledAsync(ct);
        }

        return registry.HooksFor(hookEvent)
            .Select(h => (h, registry.Find(h.Addon)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.h, p.Item2!))
            .ToList();
    }

    private static HookRunRecord Skip(HookContext ctx, HookDefinition hook, string reason)
    {
        ctx.Log.Write(DeploymentLogLevel.Info, $"addon:{hook.Addon}", $"{hook.Event.ToName()} skipped ({reason})");
        return new HookRunRecord(hook, HookRunStatus.Skipped, reason, TimeSpan.Zero);
    }

    private static HookRunOutcome Outcome(HookEvent hookEvent, List<HookRunRecord> records)
    {
        var failure = records.FirstOrDefault(r => r.Failed);
        return failure is null
            ? new HookRunOutcome(true, null, records)
            : new HookRunOutcome(false, $"Addon '{failure.Hook.Addon}' failed in {hookEvent.ToName()}: {failure.Message}", records);
    }
}

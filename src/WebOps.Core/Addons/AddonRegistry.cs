using Microsoft.Extensions.Logging;
using WebOps.Core.Hooks;

namespace WebOps.Core.Addons;

/// <summary>
/// The addons known since start-up and which are enabled. Hooks of invalid or disabled addons are never handed
/// out. Changes to files on disk take effect at the next <see cref="InitializeAsync"/> (start-up).
/// </summary>
public sealed class AddonRegistry(
    AddonDiscovery discovery,
    IEnumerable<IHookHandler> handlers,
    IAddonStateStore store,
    TimeProvider clock,
    ILogger<AddonRegistry> logger)
{
    private readonly HashSet<string> handlerNames = handlers.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private volatile IReadOnlyList<DiscoveredAddon> addons = [];
    private volatile Dictionary<string, bool> flags = new(StringComparer.Ordinal);

    public IReadOnlyList<DiscoveredAddon> Addons => addons;

    /// <summary>Discovers addons, checks handler names, records the result and loads the enabled flags.</summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        var found = HandlerNameCheck.Apply(await discovery.DiscoverAsync(ct), handlerNames);
        await store.RecordDiscoveryAsync(found, clock.GetUtcNow(), ct);
        var stored = await store.LoadEnabledAsync(ct);
        lock (gate)
        {
            flags = new Dictionary<string, bool>(stored, StringComparer.Ordinal);
            addons = found;
        }

        foreach (var error in found.SelectMany(a => a.Errors))
        {
            logger.LogWarning("Addon not loaded: {Error}", error);
        }

        logger.LogInformation("Addons discovered and hooks registered at startup.");
    }

    /// <summary>
    /// Re-reads the enabled flags, so <c>webops addons enable|disable</c> run from another process takes effect at
    /// the next hook run. When the store cannot be read the flags already known are kept.
    /// </summary>
    public async Task RefreshEnabledAsync(CancellationToken ct)
    {
        try
        {
            var stored = await store.LoadEnabledAsync(ct);
            lock (gate)
            {
                flags = new Dictionary<string, bool>(stored, StringComparer.Ordinal);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not re-read which addons are enabled; using the flags loaded before.");
        }
    }

    /// <summary>Whether the addon is enabled; addons the store has never seen are.</summary>
    public bool IsEnabled(string name) => !flags.TryGetValue(name, out var value) || value;

    /// <summary>Enables or disables a discovered addon; throws <see cref="AddonNotFoundException"/> for an unknown name.</summary>
    public async Task SetEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        if (!addons.Any(a => a.Name == name))
        {
            throw AddonNotFoundException.For(name, addons.Select(a => a.Name));
        }

        await store.SetEnabledAsync(name, enabled, ct);
        lock (gate)
        {
            flags = new Dictionary<string, bool>(flags, StringComparer.Ordinal) { [name] = enabled };
        }
    }

    /// <summary>The hooks of valid, enabled addons for one event, in run order: priority, addon name (ordinal), manifest order.</summary>
    public IReadOnlyList<HookDefinition> HooksFor(HookEvent hookEvent) =>
        HookOrder.Sort(addons.Where(a => a.IsValid && IsEnabled(a.Name)).SelectMany(a => a.Hooks).Where(h => h.Event == hookEvent));

    /// <summary>The valid addon a hook belongs to.</summary>
    public DiscoveredAddon? Find(string name) => addons.FirstOrDefault(a => a.Name == name && a.IsValid);
}

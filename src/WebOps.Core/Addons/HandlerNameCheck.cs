namespace WebOps.Core.Addons;

/// <summary>Marks addons invalid when a hook names a built-in handler that is not registered.</summary>
public static class HandlerNameCheck
{
    public static IReadOnlyList<DiscoveredAddon> Apply(IReadOnlyList<DiscoveredAddon> addons, IReadOnlySet<string> handlerNames) =>
        addons.Select(addon => Apply(addon, handlerNames)).ToList();

    public static DiscoveredAddon Apply(DiscoveredAddon addon, IReadOnlySet<string> handlerNames)
    {
        var missing = addon.Hooks
            .Where(h => h.Handler is not null && !handlerNames.Contains(h.Handler))
            .Select(h => $"{addon.DisplayPath}: hooks[{h.Ordinal}].handler: no built-in handler named {ManifestValue.Quote(h.Handler)}")
            .ToList();
        return missing.Count == 0 ? addon : addon with { Errors = [.. addon.Errors, .. missing] };
    }
}

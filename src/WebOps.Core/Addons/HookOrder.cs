namespace WebOps.Core.Addons;

/// <summary>
/// The one ordering rule for hooks: ascending priority, then addon name (ordinal, so it never depends on culture),
/// then position in the manifest. Deterministic, unlike plain alphabetical order.
/// </summary>
public static class HookOrder
{
    public static IReadOnlyList<HookDefinition> Sort(IEnumerable<HookDefinition> hooks) =>
        hooks.OrderBy(h => h.Priority)
            .ThenBy(h => h.Addon, StringComparer.Ordinal)
            .ThenBy(h => h.Ordinal)
            .ToList();
}

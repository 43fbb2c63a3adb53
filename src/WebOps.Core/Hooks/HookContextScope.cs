namespace WebOps.Core.Hooks;

/// <summary>
/// Gives each hook its own copy of the context's bags and merges them back only when the hook finished. A handler
/// abandoned at its timeout may still be running, so it must never write into the shared context; merging also
/// prefixes metrics with the addon name so two addons cannot overwrite each other's keys.
/// </summary>
internal static class HookContextScope
{
    public static HookContext CreateChild(HookContext parent) => parent.For(parent.Event);

    public static void MergeBack(HookContext child, HookContext parent, string addon)
    {
        foreach (var (key, value) in child.Metrics)
        {
            parent.Metrics[$"{addon}.{key}"] = value;
        }

        parent.Notes.AddRange(child.Notes);
    }
}

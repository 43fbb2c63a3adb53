namespace WebOps.Core.Hooks;

/// <summary>
/// Gives each hook its own copy of the context's bags and merges them back only when the hook finished. A handler
/// abandoned at its timeout may still be running, so it must never write into the shared context; merging also
/// prefixes metrics with the addon name so two addons cannot overwrite each other's keys.
/// </summary>
internal static class HookContextScope
{
    public static HookContext CreateChild(HookContext parent)
    {
        var child = new HookContext
        {
            Event = parent.Event,
            Deployment = parent.Deployment,
            CheckoutPath = parent.CheckoutPath,
            Detection = parent.Detection,
            Log = parent.Log,
        };
        CopyRuntime(parent.Runtime, child.Runtime);
        return child;
    }

    public static void MergeBack(HookContext child, HookContext parent, string addon)
    {
        foreach (var (key, value) in child.Metrics)
        {
            parent.Metrics[$"{addon}.{key}"] = value;
        }

        parent.Notes.AddRange(child.Notes);
        CopyRuntime(child.Runtime, parent.Runtime);
    }

    private static void CopyRuntime(RuntimeInfo from, RuntimeInfo to)
    {
        to.Image = from.Image;
        to.ContainerId = from.ContainerId;
        to.Url = from.Url;
        if (!ReferenceEquals(from.PublishedPorts, to.PublishedPorts))
        {
            to.PublishedPorts.Clear();
            to.PublishedPorts.AddRange(from.PublishedPorts);
        }
    }
}

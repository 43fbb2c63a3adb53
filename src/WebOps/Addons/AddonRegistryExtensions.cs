using WebOps.Core.Addons;

namespace WebOps.Addons;

public static class AddonRegistryExtensions
{
    /// <summary>
    /// Whether the panel uses what the addon provides beyond its hooks (e.g. the Docker addon's container events):
    /// only when discovery found it valid and it is enabled, the same rule that decides whether its hooks run.
    /// </summary>
    public static bool IsInUse(this AddonRegistry registry, string name) => registry.Find(name) is not null && registry.IsEnabled(name);
}

using Microsoft.Extensions.Logging;

namespace WebOps.Core.Addons;

/// <summary>
/// Finds addons in the configured folders: every subfolder of <see cref="AddonOptions.Path"/> and of each of
/// <see cref="AddonOptions.ExtraPaths"/> is one addon, described by its <c>addon.yaml</c>. Reads only the disk,
/// so it also serves <c>webops addons verify</c> before a restart.
/// </summary>
public sealed class AddonDiscovery(AddonOptions options, ILogger<AddonDiscovery> logger)
{
    /// <summary>The scanned folders as absolute paths, in scan order.</summary>
    public IReadOnlyList<string> Roots =>
        new[] { options.Path }.Concat(options.ExtraPaths).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>All addon folders in scan order (roots in order, folders by ordinal name); invalid ones carry their errors.</summary>
    public async Task<IReadOnlyList<DiscoveredAddon>> DiscoverAsync(CancellationToken ct)
    {
        var found = new List<DiscoveredAddon>();
        var firstByName = new Dictionary<string, DiscoveredAddon>(StringComparer.Ordinal);
        foreach (var root in Roots)
        {
            if (!Directory.Exists(root))
            {
                logger.LogWarning("Addon folder {Folder} does not exist; no addons are loaded from it.", root);
                continue;
            }

            var display = Path.GetFileName(root);
            foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            {
                var folderName = Path.GetFileName(folder);
                if (folderName.StartsWith('.'))
                {
                    continue;
                }

                var addon = await ManifestLoader.LoadAsync(folder, $"{display}/{folderName}", options.DefaultHookTimeout, ct);
                if (firstByName.TryGetValue(addon.Name, out var first))
                {
                    addon = addon with
                    {
                        Errors = [.. addon.Errors, $"{addon.DisplayPath}: duplicate addon name '{addon.Name}' (already loaded from {first.Folder})"],
                    };
                }
                else
                {
                    firstByName[addon.Name] = addon;
                }

                found.Add(addon);
            }
        }

        return found;
    }
}

using WebOps.Core.Addons;

namespace WebOps.Tests.Integration.Docker;

/// <summary>Addon state for a kit without a database: every addon enabled unless a test disables it.</summary>
public sealed class MemoryAddonStateStore : IAddonStateStore
{
    private readonly Dictionary<string, bool> flags = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, bool>> LoadEnabledAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, bool>>(new Dictionary<string, bool>(flags));

    public Task RecordDiscoveryAsync(IReadOnlyList<DiscoveredAddon> addons, DateTimeOffset at, CancellationToken ct) => Task.CompletedTask;

    public Task SetEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        flags[name] = enabled;
        return Task.CompletedTask;
    }
}

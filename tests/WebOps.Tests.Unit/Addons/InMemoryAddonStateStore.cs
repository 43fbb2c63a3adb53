using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

/// <summary>The state store port kept in memory, the way the database keeps it.</summary>
public sealed class InMemoryAddonStateStore : IAddonStateStore
{
    private readonly Dictionary<string, bool> flags = new(StringComparer.Ordinal);

    public List<(IReadOnlyList<DiscoveredAddon> Addons, DateTimeOffset At)> Recorded { get; } = [];

    public Task<IReadOnlyDictionary<string, bool>> LoadEnabledAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, bool>>(new Dictionary<string, bool>(flags));

    public Task RecordDiscoveryAsync(IReadOnlyList<DiscoveredAddon> addons, DateTimeOffset at, CancellationToken ct)
    {
        Recorded.Add((addons, at));
        return Task.CompletedTask;
    }

    public Task SetEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        flags[name] = enabled;
        return Task.CompletedTask;
    }
}

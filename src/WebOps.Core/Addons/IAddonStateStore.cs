namespace WebOps.Core.Addons;

/// <summary>Persists which addons are enabled and what discovery last found. Addons never seen before count as enabled.</summary>
public interface IAddonStateStore
{
    /// <summary>The enabled flag of every addon the store knows; names missing from it are enabled.</summary>
    Task<IReadOnlyDictionary<string, bool>> LoadEnabledAsync(CancellationToken ct);

    /// <summary>Records what discovery found (name, version, checksum, errors) at a point in time.</summary>
    Task RecordDiscoveryAsync(IReadOnlyList<DiscoveredAddon> addons, DateTimeOffset at, CancellationToken ct);

    Task SetEnabledAsync(string name, bool enabled, CancellationToken ct);
}

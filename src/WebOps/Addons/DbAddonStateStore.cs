using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Addons;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Addons;

/// <summary>Keeps discovered addons and their enabled flags in the database, so the flags survive restarts.</summary>
public sealed class DbAddonStateStore(IServiceScopeFactory scopes, AuditLog audit) : IAddonStateStore
{
    public async Task<IReadOnlyDictionary<string, bool>> LoadEnabledAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        return await db.Addons.ToDictionaryAsync(a => a.Name, a => a.Enabled, ct);
    }

    public async Task RecordDiscoveryAsync(IReadOnlyList<DiscoveredAddon> addons, DateTimeOffset at, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var known = await db.Addons.ToDictionaryAsync(a => a.Name, ct);
        foreach (var addon in addons.DistinctBy(a => a.Name))
        {
            if (!known.TryGetValue(addon.Name, out var record))
            {
                record = new AddonRecord { Name = addon.Name, Enabled = true };
                db.Addons.Add(record);
            }

            record.Version = addon.Version;
            record.Description = addon.Description;
            record.ManifestChecksum = addon.Checksum;
            record.DiscoveredAt = at;
            record.Errors = addon.Errors.Count == 0 ? null : string.Join('\n', addon.Errors);
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task SetEnabledAsync(string name, bool enabled, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var record = await db.Addons.FirstOrDefaultAsync(a => a.Name == name, ct);
        if (record is null)
        {
            record = new AddonRecord { Name = name };
            db.Addons.Add(record);
        }

        record.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(enabled ? AuditActions.AddonEnabled : AuditActions.AddonDisabled, name);
    }
}

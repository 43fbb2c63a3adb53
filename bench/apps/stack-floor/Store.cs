using Microsoft.EntityFrameworkCore;

namespace StackFloor;

public sealed class AppRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset? CheckedAt { get; set; }
}

public interface IStore
{
    Task<List<AppRow>> ListAsync();

    Task AddAsync(AppRow row);

    Task SetStatusesAsync(Func<string, string> status);
}

public sealed class FloorDb(DbContextOptions<FloorDb> options) : DbContext(options)
{
    public DbSet<AppRow> Apps => Set<AppRow>();
}

public sealed class EfStore(FloorDb db) : IStore
{
    public static void AddTo(IServiceCollection services, string file)
    {
        services.AddDbContext<FloorDb>(o => o.UseSqlite($"Data Source={file}"));
        services.AddScoped<IStore, EfStore>();
    }

    public static void Create(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<FloorDb>().Database.EnsureCreated();
    }

    public Task<List<AppRow>> ListAsync() => db.Apps.OrderBy(a => a.Name).ToListAsync();

    public async Task AddAsync(AppRow row)
    {
        db.Apps.Add(row);
        await db.SaveChangesAsync();
    }

    public async Task SetStatusesAsync(Func<string, string> status)
    {
        foreach (var row in await db.Apps.ToListAsync())
        {
            row.Status = status(row.Name);
            row.CheckedAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync();
    }
}

public sealed class ListStore : IStore
{
    private readonly Lock gate = new();
    private readonly List<AppRow> rows = [];

    public Task<List<AppRow>> ListAsync()
    {
        lock (gate)
        {
            return Task.FromResult(rows.OrderBy(a => a.Name).ToList());
        }
    }

    public Task AddAsync(AppRow row)
    {
        lock (gate)
        {
            rows.Add(row);
        }

        return Task.CompletedTask;
    }

    public Task SetStatusesAsync(Func<string, string> status)
    {
        lock (gate)
        {
            foreach (var row in rows)
            {
                row.Status = status(row.Name);
                row.CheckedAt = DateTimeOffset.UtcNow;
            }
        }

        return Task.CompletedTask;
    }
}

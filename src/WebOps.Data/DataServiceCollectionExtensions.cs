using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Data.Secrets;

namespace WebOps.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>SQLite database and Data Protection keys, both in the data folder.</summary>
    public static IServiceCollection AddWebOpsData(this IServiceCollection services, string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var keys = Directory.CreateDirectory(Path.Combine(dataFolder, "keys"));
        services.AddDataProtection()
            .SetApplicationName("WebOps")
            .PersistKeysToFileSystem(keys);
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        var connection = $"Data Source={Path.Combine(dataFolder, "webops.db")};Cache=Shared;Default Timeout=30";
        services.AddSingleton(new DatabaseProbe(connection));
        services.AddDbContext<WebOpsDbContext>((sp, o) => o
            .UseSqlite(connection)
            .UseModel(CompiledModels.For(sp.GetRequiredService<ISecretProtector>()))
            // Migrate would otherwise compare the last migration's snapshot with a model built from the configuration
            // classes before applying anything: two model builds and a diff, some 0.2 s of CPU on a new data folder,
            // to find a mistake made at development time. MigrationsMatchModelTests finds it there instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        return services;
    }
}

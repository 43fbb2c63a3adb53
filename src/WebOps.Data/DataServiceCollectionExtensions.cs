using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
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
        var dbPath = Path.Combine(dataFolder, "webops.db");
        services.AddDbContext<WebOpsDbContext>((sp, o) => o
            .UseSqlite($"Data Source={dbPath};Cache=Shared;Default Timeout=30")
            .UseModel(CompiledModels.For(sp.GetRequiredService<ISecretProtector>())));
        return services;
    }
}

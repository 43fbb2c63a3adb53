using WebOps.Audit;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Cli;

/// <summary>The panel's services without the web server, for admin verbs; the database is migrated first.</summary>
public static class AdminHost
{
    /// <param name="data">The <c>--data</c> folder, or null for WEBOPS_DATA, else ./data.</param>
    public static async Task<WebApplication> StartAsync(string? data)
    {
        string[] args = data is null ? [] : ["--data", data];
        var app = WebOpsApp.Build([.. args, "--Logging:LogLevel:Default=Warning"]);
        app.Services.GetRequiredService<AuditLog>().OutsideRequests = AuditActor.Cli;
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<WebOpsDbContext>(), CancellationToken.None);
        return app;
    }
}

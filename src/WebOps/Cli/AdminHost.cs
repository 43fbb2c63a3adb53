using WebOps.Audit;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Cli;

/// <summary>The panel's services without the web server, for admin verbs; the database is migrated first.</summary>
public static class AdminHost
{
    public static async Task<WebApplication> StartAsync(CliArgs args)
    {
        var app = WebOpsApp.Build([.. args.HostArgs(), "--Logging:LogLevel:Default=Warning"]);
        app.Services.GetRequiredService<AuditLog>().OutsideRequests = AuditActor.Cli;
        await using var scope = app.Services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<WebOpsDbContext>(), CancellationToken.None);
        return app;
    }
}

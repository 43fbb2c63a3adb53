using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WebOps.Data.Secrets;

namespace WebOps.Data;

/// <summary>
/// Used only by <c>dotnet ef migrations add</c> and <c>dotnet ef dbcontext optimize</c>; secrets are never read at
/// design time. It builds the model at run time, never from the compiled model, so migrations see the configuration as
/// it is.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WebOpsDbContext>
{
    public WebOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite("Data Source=design.db").Options, new UnboundSecretProtector());
}

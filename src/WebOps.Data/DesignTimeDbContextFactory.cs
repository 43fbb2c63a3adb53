using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WebOps.Data.Secrets;

namespace WebOps.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>; secrets are never read at design time.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WebOpsDbContext>
{
    public WebOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WebOpsDbContext>().UseSqlite("Data Source=design.db").Options, new DesignTimeProtector());

    private sealed class DesignTimeProtector : ISecretProtector
    {
        public string Protect(string plaintext) => plaintext;

        public string Unprotect(string protectedText) => protectedText;
    }
}

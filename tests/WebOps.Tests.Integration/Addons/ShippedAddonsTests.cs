using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Addons;

/// <summary>The manifests shipped in addons/ load as the panel loads them.</summary>
public sealed class ShippedAddonsTests
{
    [Fact]
    public async Task Every_shipped_addon_is_valid_and_enabled()
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-shipped-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (code, stdout, stderr) = await WebOpsCli.RunAsync("addons", "list", "--hooks", "--data", data);

            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("invalid", stdout, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^docker\s+1\.0\.0\s+enabled", stdout);
            Assert.Matches(@"(?m)^process\s+1\.0\.0\s+enabled", stdout);
            Assert.Contains("handler docker.build_and_run", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}

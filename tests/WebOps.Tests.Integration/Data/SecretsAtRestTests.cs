using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Data;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Data;

public sealed class SecretsAtRestTests : IAsyncLifetime
{
    private PanelApp panel = null!;

    public async Task InitializeAsync() => panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public async Task Secret_values_are_not_in_the_database_file_and_are_masked_unless_revealed()
    {
        using var client = await panel.WithTokenAsync();
        var marker = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var created = await client.PostAsJsonAsync("/api/deployments", new
        {
            name = "vault",
            repo_url = "https://example.invalid/vault.git",
            env_vars = new Dictionary<string, string> { ["SECRET_KEY"] = marker + "-env" },
            docker_env_vars = new Dictionary<string, string> { ["DB_PASSWORD"] = marker + "-docker" },
            docker_build_args = new Dictionary<string, string> { ["NPM_TOKEN"] = marker + "-build" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var masked = await client.GetFromJsonAsync<JsonElement>("/api/deployments/vault");
        Assert.Equal("********", masked.GetProperty("env_vars").GetProperty("SECRET_KEY").GetString());
        Assert.DoesNotContain(marker, masked.GetRawText(), StringComparison.Ordinal);
        var revealed = await client.GetFromJsonAsync<JsonElement>("/api/deployments/vault?reveal=true");
        Assert.Equal(marker + "-docker", revealed.GetProperty("docker_env_vars").GetProperty("DB_PASSWORD").GetString());

        await using (var scope = panel.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var raw = new StringBuilder();
        foreach (var file in Directory.GetFiles(panel.DataFolder, "webops.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            raw.Append(Encoding.Latin1.GetString(memory.ToArray()));
        }

        Assert.Contains("vault", raw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Masked_values_sent_back_keep_the_stored_secret()
    {
        using var client = await panel.WithTokenAsync();
        await client.PostAsJsonAsync("/api/deployments", new
        {
            name = "keep",
            repo_url = "https://example.invalid/keep.git",
            env_vars = new Dictionary<string, string> { ["TOKEN"] = "original" },
        });

        var patched = await client.PatchAsync("/api/deployments/keep", JsonContent.Create(new { env_vars = new Dictionary<string, string> { ["TOKEN"] = "********", ["NEW"] = "value" } }));

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var revealed = await client.GetFromJsonAsync<JsonElement>("/api/deployments/keep?reveal=true");
        Assert.Equal("original", revealed.GetProperty("env_vars").GetProperty("TOKEN").GetString());
        Assert.Equal("value", revealed.GetProperty("env_vars").GetProperty("NEW").GetString());
    }

    [Fact]
    public async Task Api_tokens_are_stored_only_as_hashes()
    {
        using var client = await panel.WithTokenAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        await using var scope = panel.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var stored = await db.ApiTokens.ToListAsync();

        Assert.DoesNotContain(stored, t => t.TokenHash == token || t.TokenHash.Contains(token, StringComparison.Ordinal));
        Assert.Contains(stored, t => t.TokenHash == WebOps.Auth.TokenHasher.Hash(token));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deployments")).StatusCode);
    }
}

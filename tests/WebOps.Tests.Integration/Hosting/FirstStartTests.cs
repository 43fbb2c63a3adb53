using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Data;
using WebOps.Hosting;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Hosting;

/// <summary>
/// A new install's first start: the empty data folder gets the whole schema through the migrations, and the first
/// admin, created while the server starts listening, exists by the time <c>/healthz</c> says ok.
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-first-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_data_folder_gets_every_table_and_the_whole_migration_history()
    {
        await using var panel = await PanelApp.StartInFolderAsync(data);
        await using var scope = panel.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        var tables = db.Model.GetRelationalModel().Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(migrations);
        Assert.Equal(migrations, await ReadAsync("select MigrationId from __EFMigrationsHistory order by MigrationId"));
        var stored = await ReadAsync("select name from sqlite_master where type = 'table' order by name");
        Assert.All(tables, t => Assert.Contains(t, stored));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(["wal"], await ReadAsync("pragma journal_mode"));
        Assert.Equal(["admin", PanelApp.AdminUser], await ReadAsync("select username from users order by username"));
    }

    [Fact]
    public async Task The_printed_password_logs_in_as_soon_as_healthz_says_ok()
    {
        var port = TestPorts.Free();
        var psi = WebOpsCli.StartInfo("serve", "--urls", $"http://127.0.0.1:{port}", "--data", data, "--Health:Interval=01:00:00");
        var password = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = "";
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (before.Contains("log in as 'admin'", StringComparison.Ordinal))
            {
                password.TrySetResult(e.Data.Trim());
            }

            before = e.Data;
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitOkAsync(client, process);
            Assert.Equal(["admin"], await ReadAsync("select username from users"));

            var printed = await password.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var form = await FormPage.LoadAsync(client, "/login");
            using var login = await form.PostAsync(client, new() { ["Username"] = "admin", ["Password"] = printed });
            Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"{(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls until <c>/healthz</c> says ok (a few seconds, a minute at most on a busy machine).</summary>
    private static async Task WaitOkAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the panel exited with {(process.HasExited ? process.ExitCode : 0)} before /healthz said ok");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if ((await response.Content.ReadAsStringAsync()).StartsWith("""{"status":"ok",""", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("/healthz did not say ok within a minute.");
    }

    private async Task<List<string>> ReadAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "webops.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebOps.Data;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Hosting;

/// <summary>
/// A new install's first start. The empty data folder gets the whole schema through the migrations. A newcomer sees a
/// short start-up that ends with the admin password, and the admin, created while the server starts listening, exists
/// (and logs in with that password) by the time <c>/healthz</c> says ok.
/// </summary>
public sealed partial class FirstStartTests : IDisposable
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
    public async Task First_start_prints_no_sql_and_ends_with_the_admin_password()
    {
        var port = TestPorts.Free();
        var lines = new List<string>();
        var blockPrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = StartServe(port, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }

            if (line.Contains("It is not shown again.", StringComparison.Ordinal))
            {
                blockPrinted.TrySetResult();
            }
        });
        try
        {
            await blockPrinted.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await WaitHealthzAsync(port, process, untilOk: false);

            // Stopped as systemd or Ctrl+C would: the host's own shutdown line closes the start-up output.
            await StopGracefullyAsync(process);
        }
        finally
        {
            await WebOpsCli.EndAsync(process);
        }

        string[] output;
        lock (lines)
        {
            output = [.. lines];
        }

        var text = string.Join('\n', output);
        Assert.DoesNotContain("CREATE TABLE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Applying migration", text, StringComparison.Ordinal);

        var listening = Index(output, $"Now listening on: http://127.0.0.1:{port}");
        var addons = Index(output, "Addons discovered and hooks registered at startup.");
        var contentRoot = Index(output, "Content root path:");
        var block = Index(output, "log in as 'admin'");
        var blockEnd = Index(output, "It is not shown again.");
        var stopping = Index(output, "Application is shutting down...");
        Assert.True(listening >= 0 && addons >= 0 && contentRoot >= 0 && stopping >= 0, text);
        Assert.True(block > listening && block > addons && block > contentRoot, text);

        // `grep -A1 "log in as"` (README) shows the password.
        Assert.Equal(block + 2, blockEnd);
        Assert.Matches(@"^ +\S{20,}$", output[block + 1]);

        // After the block, nothing but blank lines up to the shutdown line (and its category line).
        Assert.StartsWith("info: Microsoft.Hosting.Lifetime", output[stopping - 1], StringComparison.Ordinal);
        Assert.True(output[(blockEnd + 1)..(stopping - 1)].All(string.IsNullOrWhiteSpace), text);
    }

    [Fact]
    public async Task The_printed_password_logs_in_as_soon_as_healthz_says_ok()
    {
        var port = TestPorts.Free();
        var password = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = "";
        using var process = StartServe(port, line =>
        {
            if (before.Contains("log in as 'admin'", StringComparison.Ordinal))
            {
                password.TrySetResult(line.Trim());
            }

            before = line;
        });
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitHealthzAsync(port, process, untilOk: true);
            Assert.Equal(["admin"], await ReadAsync("select username from users"));

            var printed = await password.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var form = await FormPage.LoadAsync(client, "/login");
            using var login = await form.PostAsync(client, new() { ["Username"] = "admin", ["Password"] = printed });
            Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"{(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            await WebOpsCli.EndAsync(process);
        }
    }

    /// <summary>
    /// The server listens while the new database is still being migrated (the two run side by side): a request in that
    /// window waits for the database instead of failing on a table that does not exist yet.
    /// </summary>
    [Fact]
    public async Task Requests_while_the_first_start_migrates_wait_for_the_database()
    {
        var port = TestPorts.Free();
        using var process = StartServe(port, _ => { });
        var answers = new List<(HttpStatusCode Code, string Body)>();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!answers.Any(a => a.Body.StartsWith("""{"status":"ok",""", StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"/healthz did not say ok within a minute; answers: {string.Join(", ", answers.Select(a => (int)a.Code))}");
                Assert.False(process.HasExited, "the panel exited during its first start");
                try
                {
                    // As fast as the panel answers, so requests land while the migrations run.
                    using var response = await client.GetAsync("/healthz");
                    answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }
        }
        finally
        {
            await WebOpsCli.EndAsync(process);
        }

        var failed = answers.Where(a => a.Code != HttpStatusCode.OK).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {answers.Count} answers failed, first: {(failed.Count > 0 ? $"{(int)failed[0].Code} {failed[0].Body}" : "")}");
    }

    [Fact]
    public async Task A_busy_address_ends_the_start_with_what_to_do_and_the_first_admin_password()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (code, output) = await RunUntilExitAsync(port);

        var text = string.Join('\n', output);
        Assert.True(code == 1, $"exit code {code}\n{text}");
        Assert.Contains(
            $"webops: the panel could not start: Failed to bind to address http://127.0.0.1:{port}: address already in use. Another program (or another panel) "
            + "listens there: stop it, or start the panel on a free address with --urls, for example --urls http://127.0.0.1:8001",
            output);
        Assert.DoesNotContain(output, l => StackFrame().IsMatch(l));

        // The admin was created before the server tried to listen; no later start shows its password, so this one does.
        var block = Index(output, "log in as 'admin'");
        Assert.True(block >= 0, text);
        await using var panel = await PanelApp.StartInFolderAsync(data);
        await using var scope = panel.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<WebOps.Auth.AccountService>();
        Assert.NotNull(await accounts.CheckPasswordAsync("admin", output[block + 1].Trim(), CancellationToken.None));
    }

    /// <summary>
    /// Health:Interval is read before the server listens, Docker:BuildTimeout once the Docker addon starts after it;
    /// either way the start ends with one line naming the setting, exit code 1 (so systemd restarts it, as it did when
    /// the panel aborted), and no stack trace anywhere.
    /// </summary>
    [Theory]
    [InlineData("Health:Interval", "abc", "which is not a duration (such as 00:00:30 for 30 seconds)")]
    [InlineData("Docker:BuildTimeout", "zz", "which is not a duration (such as 00:00:30 for 30 seconds)")]
    public async Task A_setting_that_does_not_convert_ends_the_start_with_its_name_and_no_stack_trace(string key, string value, string expected)
    {
        var (code, output) = await RunUntilExitAsync(TestPorts.Free(), $"--{key}={value}");

        var text = string.Join('\n', output);
        Assert.True(code == 1, $"exit code {code}\n{text}");
        Assert.Contains(
            $"webops: the panel could not start: The setting {key} is '{value}', {expected}. Fix it where it is set (--{key}=VALUE, the environment "
            + $"variable {key.Replace(":", "__", StringComparison.Ordinal)}, or appsettings.json) and start the panel again.",
            output);
        Assert.DoesNotContain(output, l => StackFrame().IsMatch(l));
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }

    /// <summary>Starts <c>webops serve</c> on the empty data folder and returns its exit code and every line it printed.</summary>
    private async Task<(int Code, string[] Output)> RunUntilExitAsync(int port, params string[] extra)
    {
        var lines = new List<string>();
        using var process = StartServe(port, line =>
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }, extra);
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(limit.Token);
        }
        finally
        {
            await WebOpsCli.EndAsync(process);
        }

        lock (lines)
        {
            return (process.ExitCode, [.. lines]);
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(")]
    private static partial Regex StackFrame();

    [Theory]
    [InlineData(new string[0], false, false)]
    [InlineData(new[] { "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command=Information" }, true, false)]
    [InlineData(new[] { "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Information" }, true, true)]
    [InlineData(new[] { "--Logging:LogLevel:Default=Debug" }, false, false)]
    public async Task Sql_is_logged_only_when_logging_configuration_asks_for_it(string[] args, bool sql, bool migrations)
    {
        await using var app = WebOps.Hosting.WebOpsApp.Build(["--data", data, .. args]);
        var loggers = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.Equal(sql, loggers.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.Equal(migrations, loggers.CreateLogger("Microsoft.EntityFrameworkCore.Migrations").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
    }

    private static int Index(string[] lines, string part) => Array.FindIndex(lines, l => l.Contains(part, StringComparison.Ordinal));

    private static async Task StopGracefullyAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
    }

    /// <summary>
    /// Starts <c>webops serve</c> on the empty data folder and hands each line it prints to <paramref name="line"/>. The
    /// regular health sweep logs every interval; a long one keeps the output to start-up's own lines.
    /// </summary>
    private Process StartServe(int port, Action<string> line, params string[] extra) =>
        WebOpsCli.Start(line, ["serve", "--urls", $"http://127.0.0.1:{port}", "--data", data, "--Health:Interval=01:00:00", .. extra]);

    /// <summary>Polls until <c>/healthz</c> answers 200 (and, with <paramref name="untilOk"/>, says ok): a few seconds, a minute at most on a busy machine.</summary>
    private static async Task WaitHealthzAsync(int port, Process process, bool untilOk)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, "the panel exited before /healthz answered");
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK
                    && (!untilOk || (await response.Content.ReadAsStringAsync()).StartsWith("""{"status":"ok",""", StringComparison.Ordinal)))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"/healthz on port {port} did not answer{(untilOk ? " ok" : " 200")} within a minute.");
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

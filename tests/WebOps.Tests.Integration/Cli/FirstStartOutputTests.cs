using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary>What a newcomer sees on the first <c>webops serve</c>: a short start-up that ends with the admin password.</summary>
public sealed class FirstStartOutputTests : IDisposable
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
    public async Task First_start_prints_no_sql_and_ends_with_the_admin_password()
    {
        var port = Infrastructure.TestPorts.Free();
        // The regular health sweep logs every interval; a long one keeps the test to start-up's own lines.
        var psi = WebOpsCli.StartInfo("serve", "--urls", $"http://127.0.0.1:{port}", "--data", data, "--Health:Interval=01:00:00");
        var lines = new List<string>();
        var blockPrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(e.Data);
            }

            if (e.Data.Contains("It is not shown again.", StringComparison.Ordinal))
            {
                blockPrinted.TrySetResult();
            }
        };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        try
        {
            await blockPrinted.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await WaitHealthyAsync(port);

            // Stopped as systemd or Ctrl+C would: the host's own shutdown line closes the start-up output.
            await StopGracefullyAsync(process);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
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

    private static async Task WaitHealthyAsync(int port)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/healthz on port {port} did not answer 200 within a minute.");
    }
}

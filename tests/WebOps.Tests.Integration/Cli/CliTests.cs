using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using WebOps.Auth;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Token_create_prints_the_token_once_and_stores_only_its_hash()
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync("token", "create", "--name", "ci", "--data", data);

        Assert.True(code == 0, stderr);
        var token = stdout.Trim();
        Assert.StartsWith("wo_", token, StringComparison.Ordinal);
        var db = await File.ReadAllBytesAsync(Path.Combine(data, "webops.db"));
        var text = System.Text.Encoding.Latin1.GetString(db);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.Contains(TokenHasher.Hash(token), text + ReadWal(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_create_without_a_password_generates_and_prints_one()
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync("admin", "create", "--username", "ops", "--data", data);

        Assert.True(code == 0, stderr);
        Assert.Contains("Created user 'ops'.", stdout, StringComparison.Ordinal);
        Assert.Matches("Generated password \\(shown once\\): \\S{20,}", stdout);
    }

    [Fact]
    public async Task Unknown_verb_and_missing_option_are_usage_errors()
    {
        var unknown = await WebOpsCli.RunAsync("frobnicate");
        var missing = await WebOpsCli.RunAsync("token", "create", "--data", data);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Unknown verb 'frobnicate'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--name is required", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_serve_prints_a_one_time_admin_password_that_logs_in()
    {
        var port = Infrastructure.TestPorts.Free();
        using var process = Process.Start(WebOpsCli.StartInfo("serve", "--urls", $"http://127.0.0.1:{port}", "--data", data))!;
        try
        {
            var password = await ReadPasswordAsync(process);
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            await WaitHealthyAsync(client);

            var login = await FormPage.LoadAsync(client, "/login");
            var wrong = await login.PostAsync(client, new() { ["Username"] = "admin", ["Password"] = "not-it" });
            var right = await login.PostAsync(client, new() { ["Username"] = "admin", ["Password"] = password });

            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deployments")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ReadPasswordAsync(Process process)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.Contains("log in as 'admin'", StringComparison.Ordinal))
            {
                var next = await process.StandardOutput.ReadLineAsync(limit.Token);
                return next!.Trim();
            }
        }

        throw new InvalidOperationException("serve ended without printing the admin password: " + await process.StandardError.ReadToEndAsync());
    }

    private static async Task WaitHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(200);
        }
    }

    private string ReadWal()
    {
        var wal = Path.Combine(data, "webops.db-wal");
        return File.Exists(wal) ? System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(wal)) : "";
    }
}

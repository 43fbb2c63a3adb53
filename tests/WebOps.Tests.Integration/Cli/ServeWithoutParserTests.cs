using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary>A running panel does not keep the command-line parser loaded: it is for the verbs, not the server.</summary>
public sealed class ServeWithoutParserTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-noparser-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_served_panel_answering_pages_has_not_loaded_the_command_line_parser()
    {
        var port = TestPorts.Free();
        using var process = Process.Start(WebOpsCli.StartInfo("serve", "--data", data, "--urls", $"http://127.0.0.1:{port}", "--Health:Interval=01:00:00"))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitAnswerAsync(client, process);

            // A page and an API call: the panel's own request paths are loaded too.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/deployments")).StatusCode);

            var mapped = (await File.ReadAllLinesAsync($"/proc/{process.Id}/maps")).Where(l => l.EndsWith(".dll", StringComparison.Ordinal)).ToList();
            Assert.Contains(mapped, l => l.EndsWith("/webops.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(mapped, l => l.EndsWith("/System.CommandLine.dll", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            _ = await stdout + await stderr;
        }
    }

    private static async Task WaitAnswerAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
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

        throw new TimeoutException($"/healthz on {client.BaseAddress} did not answer 200 within two minutes (exited: {process.HasExited}).");
    }
}

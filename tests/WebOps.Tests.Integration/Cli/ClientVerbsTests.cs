using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace WebOps.Tests.Integration.Cli;

/// <summary>status, logs and the client verbs' errors, each run as a real <c>webops</c> process against a real panel.</summary>
[Collection(ClientPanelCollection.Name)]
public sealed class ClientVerbsTests(ClientPanel panel)
{
    [Fact]
    public async Task Status_prints_a_table_row_per_deployment_and_the_details_of_one()
    {
        var name = await panel.CreateStaticSiteAsync("cli-status");

        var all = await panel.RunClientAsync("status");
        var one = await panel.RunClientAsync("status", name);

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Matches("NAME +STATUS +HEALTH +URL", all.Stdout);
        Assert.Matches($"{name} +running +\\w+ +http://127\\.0\\.0\\.1:[0-9]+", all.Stdout);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Matches("status +running", one.Stdout);
        Assert.Matches($"repository +file://.+@main", one.Stdout);
        Assert.Matches("#[0-9]+ +succeeded", one.Stdout);
    }

    [Fact]
    public async Task Logs_prints_the_deploy_log_and_runtime_prints_the_apps_own_output()
    {
        var name = await panel.CreateStaticSiteAsync("cli-logs");

        var deployLog = await panel.RunClientAsync("logs", name);
        var runtime = await panel.RunClientAsync("logs", name, "--runtime");

        Assert.True(deployLog.ExitCode == 0, deployLog.ToString());
        Assert.Contains(deployLog.StdoutLines, l => l.Contains($"webops: Deploy #", StringComparison.Ordinal) && l.Contains(" succeeded in ", StringComparison.Ordinal));
        Assert.True(runtime.ExitCode == 0, runtime.ToString());
        Assert.Contains(runtime.StdoutLines, l => l.EndsWith("GET /index.html 200", StringComparison.Ordinal)); // the readiness probe's request
    }

    [Fact]
    public async Task Logs_follow_prints_new_lines_as_a_deploy_writes_them_until_interrupted()
    {
        var name = await panel.CreateStaticSiteAsync("cli-tail");
        var psi = panel.StartInfo(new Dictionary<string, string?> { ["WEBOPS_TOKEN"] = panel.Token }, "logs", name, "--follow", "--url", panel.Url);
        using var process = Process.Start(psi)!;
        var seen = new List<string>();
        try
        {
            await ReadUntilAsync(process, seen, l => l.Contains(" succeeded in ", StringComparison.Ordinal)); // the first deploy's log
            var queued = await panel.Api.PostAsync($"/api/deployments/{name}/deploy", null);
            Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
            var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            var started = await ReadUntilAsync(process, seen, l => l.Contains($"webops: Deploy #{id} of '{name}' started", StringComparison.Ordinal));
            var succeeded = await ReadUntilAsync(process, seen, l => l.Contains($"webops: Deploy #{id} succeeded in ", StringComparison.Ordinal));

            Assert.True(seen.IndexOf(started) < seen.IndexOf(succeeded));
            await Interrupt(process);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(limit.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Unknown_deployment_is_named_in_the_error()
    {
        var run = await panel.RunClientAsync("deploy", "no-such-app", "--follow");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("webops deploy: No deployment named 'no-such-app'.", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_says_how_to_get_a_good_one()
    {
        var run = await panel.RunAsync(new Dictionary<string, string?>(), "status", "--url", panel.Url, "--token", "wo_not-a-real-token");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("the token was refused: run `webops login` or set WEBOPS_TOKEN", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_panel_at_the_url_asks_whether_serve_is_running()
    {
        var url = $"http://127.0.0.1:{Infrastructure.TestPorts.Free()}";

        var run = await panel.RunAsync(new Dictionary<string, string?> { ["WEBOPS_TOKEN"] = "wo_any" }, "status", "--url", url);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"webops status: no panel answers at {url}: is `webops serve` running?", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_token_the_verb_says_where_one_comes_from()
    {
        var run = await panel.RunAsync(new Dictionary<string, string?>(), "status", "--url", panel.Url);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"No API token for {panel.Url}: run `webops login --url {panel.Url}`, set WEBOPS_TOKEN, or pass --token", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_of_a_deployment_without_docker_fails_with_the_panels_reason()
    {
        var name = await panel.CreateStaticSiteAsync("cli-back");

        var run = await panel.RunClientAsync("rollback", name);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Docker", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> ReadUntilAsync(Process process, List<string> seen, Func<string, bool> wanted)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            seen.Add(line);
            if (wanted(line))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"webops logs --follow ended (exit {process.ExitCode}) before the line came:\n{string.Join('\n', seen)}\n{await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>
    /// Stops the verb as Ctrl+C would. SIGTERM, which the verb handles the same way as SIGINT: a shell without job
    /// control starts background commands with SIGINT ignored, and a test runner started so would pass that on.
    /// </summary>
    private static async Task Interrupt(Process process)
    {
        var kill = new ProcessStartInfo("kill") { RedirectStandardError = true };
        kill.ArgumentList.Add("-TERM");
        kill.ArgumentList.Add(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var k = Process.Start(kill)!;
        await k.WaitForExitAsync();
        Assert.Equal(0, k.ExitCode);
    }
}

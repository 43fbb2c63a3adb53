using System.Diagnostics;
using System.Net.Http.Json;
using WebOps.Cli.Client;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary><c>webops deploy NAME --follow</c> as a process against a real panel, output redirected (plain lines).</summary>
[Collection(ClientPanelCollection.Name)]
public sealed class DeployFollowTests(ClientPanel panel)
{
    [Fact]
    public async Task Deploy_follow_prints_every_line_of_the_run_in_order_and_exits_0_on_success()
    {
        var name = await panel.CreateStaticSiteAsync("cli-ok");

        var run = await panel.RunClientAsync("deploy", name, "--follow");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001b', run.Stdout); // not a terminal: no colours, no spinner redraws
        var lines = run.StdoutLines;
        var runs = await panel.Api.GetFromJsonAsync<List<RunInfo>>($"/api/deployments/{name}/runs", ApiJson.Options);
        var id = runs![0].Id;
        var log = await panel.Api.GetFromJsonAsync<List<LogEntry>>($"/api/deployments/{name}/logs?run={id}", ApiJson.Options);
        // Every line of the run up to its result, each once, in order (an addon may add lines after the result,
        // e.g. while the previous release drains; those are the log's, not the deploy's).
        Assert.Equal(log!.Select(l => LogFormat.Plain(l, TimeZoneInfo.Local)).Take(lines.Length - 1), lines[..^1]);
        var started = Array.FindIndex(lines, l => l.Contains($"webops: Deploy #{id} of '{name}' started", StringComparison.Ordinal));
        var checkedOut = Array.FindIndex(lines, l => l.Contains("git: Checked out main at ", StringComparison.Ordinal));
        var succeeded = Array.FindIndex(lines, l => l.Contains($"webops: Deploy #{id} succeeded in", StringComparison.Ordinal));
        Assert.True(started >= 0 && started < checkedOut && checkedOut < succeeded, run.ToString());
        Assert.Matches($"^Deploy #{id} of '{name}' succeeded in [0-9.]+ s\\.$", lines[^1]);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task Deploy_follow_of_a_failing_deploy_exits_1_with_the_error_last()
    {
        var name = await panel.CreateStaticSiteAsync("cli-fail", branch: "no-such-branch");

        var run = await panel.RunClientAsync("deploy", name, "--follow");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.StdoutLines, l => l.Contains("git: fatal: Remote branch no-such-branch not found", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.Contains("webops: error: Deploy #", StringComparison.Ordinal));
        var last = run.StderrLines[^1];
        Assert.Matches($"^Deploy #[0-9]+ of '{name}' failed in [0-9.]+ s: git clone of .+@no-such-branch failed \\(exit code 128\\)", last);
        Assert.Contains("the branch 'no-such-branch' does not exist", last, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_without_follow_queues_and_says_how_to_follow()
    {
        var name = await panel.CreateStaticSiteAsync("cli-queue");

        var run = await panel.RunClientAsync("deploy", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches($"^Deploy #[0-9]+ of '{name}' queued\\. Follow it with `webops logs {name} --follow`", run.Stdout);
        await Infrastructure.DeployWait.ForRunEndAsync(panel.Api, name, minutes: 3);
    }

    [Fact]
    public async Task On_a_terminal_deploy_follow_draws_a_spinner_and_still_ends_with_the_result()
    {
        var name = await panel.CreateStaticSiteAsync("cli-tty");
        // script(1) gives the verb a pseudo-terminal. Its command is this fixed text; the values come as variables.
        var psi = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "-qec", "exec dotnet \"$CLI_DLL\" deploy \"$CLI_NAME\" --follow --url \"$CLI_URL\"", "/dev/null" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["CLI_DLL"] = WebOpsCli.Dll;
        psi.Environment["CLI_NAME"] = name;
        psi.Environment["CLI_URL"] = panel.Url;
        psi.Environment["WEBOPS_TOKEN"] = panel.Token;
        psi.Environment["XDG_CONFIG_HOME"] = panel.NewConfigHome();
        psi.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(limit.Token);
        var output = await stdout;

        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
        Assert.Contains("\u001b[", output, StringComparison.Ordinal); // colours and cursor moves: drawn for a terminal
        Assert.Contains("git:", output, StringComparison.Ordinal);
        Assert.Matches($"Deploy #[0-9]+ of '{name}' succeeded in [0-9.]+ s\\.\\s*$", output);
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Core.Processes;
using WebOps.Tests.Unit.Addons;

namespace WebOps.Tests.Unit.Processes;

/// <summary>The one child-process runner, with real processes: what reaches the child, what comes back, and what
/// is left running after a timeout or a cancel (nothing).</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessRunnerTests : IDisposable
{
    /// <summary>Starts a child and an orphan that only the process group still ties to it, then waits.</summary>
    private const string ChildAndOrphan = """
        echo $$ > "$DIR/main.pid"
        sleep 300 &
        echo $! > "$DIR/child.pid"
        ( sleep 300 > /dev/null 2>&1 & echo $! > "$DIR/orphan.pid" )
        echo ready
        wait
        """;

    private readonly ScriptFolder folder = new();
    private readonly ProcessRunner runner = new(NullLogger<ProcessRunner>.Instance);

    public void Dispose()
    {
        runner.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Arguments_with_awkward_characters_reach_the_child_unchanged()
    {
        string[] arguments = ["a b", "", "\"quoted\"", "'single'", "$HOME", "`id`", "semi;colon && rm -rf /", "*", "back\\slash", "new\nline", "-n", "ünïcødé"];
        var script = folder.Script("args.sh", "printf '%s\\0' \"$@\" > \"$1.out\"");

        var result = await runner.RunAsync(new ProcessRequest { Program = script, Arguments = [folder["args"], .. arguments], Timeout = Limit }, default);

        Assert.Equal(0, result.ExitCode);
        var received = File.ReadAllText(folder["args.out"]).Split('\0')[..^1];
        Assert.Equal([folder["args"], .. arguments], received);
    }

    [Fact]
    public async Task Stdout_and_stderr_lines_arrive_marked_with_their_stream()
    {
        var script = folder.Script("both.sh", "echo out 1\necho err 1 >&2\necho out 2\necho err 2 >&2");
        var lines = new List<OutputLine>();

        var result = await runner.RunAsync(new ProcessRequest { Program = script, Timeout = Limit, OnLine = lines.Add }, default);

        Assert.True(result.Succeeded);
        Assert.Equal(["out 1", "out 2"], lines.Where(l => l.Stream == OutputStream.StandardOutput).Select(l => l.Text));
        Assert.Equal(["err 1", "err 2"], lines.Where(l => l.Stream == OutputStream.StandardError).Select(l => l.Text));
    }

    [Fact]
    public async Task Exit_code_and_the_last_lines_are_reported()
    {
        var script = folder.Script("fail.sh", "for i in 1 2 3 4 5 6 7 8; do echo \"line $i\"; done\necho 'boom' >&2\nexit 7");

        var result = await runner.RunAsync(new ProcessRequest { Program = script, Timeout = Limit, TailLines = 3 }, default);

        Assert.Equal(7, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.False(result.TimedOut || result.Cancelled);
        Assert.Equal(3, result.Tail.Count);
        // stdout and stderr are read apart, so where "boom" lands among the last stdout lines varies from run to run
        // (seen on a busy machine: read before "line 6"); the stdout lines kept are always the newest ones, in order.
        var kept = result.TailText(OutputStream.StandardOutput).ToList();
        Assert.InRange(kept.Count, 2, 3);
        Assert.Equal(Enumerable.Range(9 - kept.Count, kept.Count).Select(i => $"line {i}"), kept);
        Assert.Equal(kept.Count == 2 ? ["boom"] : [], result.TailText(OutputStream.StandardError));
        Assert.InRange(result.Duration, TimeSpan.FromTicks(1), Limit);
    }

    [Fact]
    public async Task Stdin_text_reaches_the_child_and_it_starts_in_the_working_folder()
    {
        var script = folder.Script("cat.sh", "pwd\ncat");
        var lines = new List<string>();

        var result = await runner.RunAsync(
            new ProcessRequest
            {
                Program = script,
                WorkingDirectory = folder.Root,
                StandardInput = "{\"app\":\"blög\"}\nsecond",
                Timeout = Limit,
                OnLine = l => lines.Add(l.Text),
            },
            default);

        Assert.True(result.Succeeded);
        Assert.Equal([folder.Root, "{\"app\":\"blög\"}", "second"], lines);
    }

    [Fact]
    public async Task Timeout_kills_the_child_its_child_and_an_orphan_in_its_group()
    {
        var script = folder.Script("hang.sh", ChildAndOrphan);
        var clock = Stopwatch.StartNew();

        // The limit leaves a loaded machine ample time to write the pid files before the kill.
        var result = await runner.RunAsync(new ProcessRequest { Program = script, Environment = Dir, Timeout = TimeSpan.FromSeconds(3) }, default);

        Assert.True(result.TimedOut);
        Assert.False(result.Cancelled);
        Assert.False(result.Succeeded);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the run took {clock.Elapsed}");
        Assert.Contains("ready", result.TailText());
        await AssertAllGoneAsync("main.pid", "child.pid", "orphan.pid");
    }

    [Fact]
    public async Task Cancellation_kills_the_child_its_child_and_an_orphan_in_its_group()
    {
        var script = folder.Script("hang.sh", ChildAndOrphan);
        using var cancel = new CancellationTokenSource();

        var result = await runner.RunAsync(
            new ProcessRequest
            {
                Program = script,
                Environment = Dir,
                Timeout = TimeSpan.FromMinutes(5),
                OnLine = l =>
                {
                    if (l.Text == "ready")
                    {
                        cancel.Cancel();
                    }
                },
            },
            cancel.Token);

        Assert.True(result.Cancelled);
        Assert.False(result.TimedOut);
        await AssertAllGoneAsync("main.pid", "child.pid", "orphan.pid");
    }

    [Fact]
    public async Task Disposing_the_runner_stops_its_runs_and_returns_once_they_have_ended()
    {
        var run = await StartHangingRunAsync(runner);

        await runner.DisposeAsync();

        // The panel's process may exit as soon as this returns: no run may be half-way through its kill by then. The
        // run's own child is reaped before its run ends, so it is gone at once; its group's SIGKILL lands a moment later.
        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(folder["main.pid"])), "DisposeAsync returned before the run's child was killed");
        Assert.True((await run).Cancelled);
        await AssertAllGoneAsync("main.pid", "child.pid", "orphan.pid");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => runner.RunAsync(new ProcessRequest { Program = "/bin/true", Timeout = Limit }, default));
    }

    [Fact]
    public async Task The_panels_container_stops_the_runs_when_it_is_disposed()
    {
        var services = new ServiceCollection().AddLogging().AddProcessRunner().BuildServiceProvider();
        var run = await StartHangingRunAsync(services.GetRequiredService<ProcessRunner>());

        await services.DisposeAsync();

        Assert.False(ProcessProbe.IsRunning(ProcessProbe.ReadPid(folder["main.pid"])), "the container's disposal returned before the run's child was killed");
        Assert.True((await run).Cancelled);
        await AssertAllGoneAsync("main.pid", "child.pid", "orphan.pid");
    }

    [Fact]
    public async Task A_process_left_holding_the_output_after_exit_is_stopped_and_the_run_ends()
    {
        var script = folder.Script("leak.sh", "sleep 300 &\necho $! > \"$DIR/bg.pid\"\necho done");
        var clock = Stopwatch.StartNew();

        var result = await runner.RunAsync(new ProcessRequest { Program = script, Environment = Dir, Timeout = TimeSpan.FromMinutes(5) }, default);

        Assert.True(result.Succeeded);
        Assert.True(result.OrphansStopped);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the run took {clock.Elapsed}");
        await AssertAllGoneAsync("bg.pid");
    }

    [Fact]
    public async Task A_clean_environment_does_not_pass_on_the_panels_variables()
    {
        var variable = $"WEBOPS_PANEL_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "hunter2");
        try
        {
            var clean = await EnvAsync(inherit: false);
            var inherited = await EnvAsync(inherit: true);

            Assert.Equal(["GIVEN=1"], clean);
            Assert.Contains($"{variable}=hunter2", inherited);
            Assert.Contains("GIVEN=1", inherited);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_missing_program_is_named_before_anything_starts()
    {
        var bare = await Assert.ThrowsAsync<ProcessStartException>(
            () => runner.RunAsync(new ProcessRequest { Program = "webops-no-such-program", Timeout = Limit }, default));
        var path = await Assert.ThrowsAsync<ProcessStartException>(
            () => runner.RunAsync(new ProcessRequest { Program = folder["missing.sh"], Timeout = Limit }, default));

        Assert.StartsWith("Could not start 'webops-no-such-program': it was not found on PATH (", bare.Message, StringComparison.Ordinal);
        Assert.Equal($"Could not start '{folder["missing.sh"]}': there is no file '{folder["missing.sh"]}'.", path.Message);
    }

    private static TimeSpan Limit => TimeSpan.FromSeconds(30);

    private Dictionary<string, string> Dir => new() { ["DIR"] = folder.Root };

    private async Task<List<string>> EnvAsync(bool inherit)
    {
        var lines = new List<string>();
        var result = await runner.RunAsync(
            new ProcessRequest
            {
                Program = "/usr/bin/env",
                Environment = new Dictionary<string, string> { ["GIVEN"] = "1" },
                InheritEnvironment = inherit,
                Timeout = Limit,
                OnLine = l => lines.Add(l.Text),
            },
            default);
        Assert.True(result.Succeeded);
        return lines;
    }

    /// <summary>Starts <see cref="ChildAndOrphan"/> with no time limit to speak of and returns once it is ready.</summary>
    private async Task<Task<ProcessResult>> StartHangingRunAsync(ProcessRunner processes)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = processes.RunAsync(
            new ProcessRequest
            {
                Program = folder.Script("hang.sh", ChildAndOrphan),
                Environment = Dir,
                Timeout = TimeSpan.FromMinutes(5),
                OnLine = l =>
                {
                    if (l.Text == "ready")
                    {
                        ready.TrySetResult();
                    }
                },
            },
            default);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return run;
    }

    private async Task AssertAllGoneAsync(params string[] pidFiles)
    {
        foreach (var file in pidFiles)
        {
            var pid = ProcessProbe.ReadPid(folder[file]);
            Assert.True(await ProcessProbe.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)), $"{file}: pid {pid} still runs");
        }
    }
}

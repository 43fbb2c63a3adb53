using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace WebOps.Core.Processes;

/// <summary>
/// The one way the panel runs a child program to completion (git, build steps, addon hooks, systemctl): an argument
/// list, a working folder, an inherited or clean environment, optional stdin text, output lines streamed by stream,
/// and one rule for stopping: at the time limit or when the caller's token fires, the child's whole process group
/// and tree are killed before this returns, and the result says which of the two happened.
/// </summary>
/// <remarks>
/// Written here rather than on CliWrap (served by NuGet, and otherwise a good fit: argument lists, line streams,
/// cancellation that kills the process tree) because three things the panel relies on are out of its reach:
/// it kills only the process tree, so an orphan reparented away from the child but left in its group survives;
/// after the child exits it waits for the output pipes without a bound, so an orphan holding stdout keeps a run
/// open until its time limit; and it can only add or remove variables, not start from an empty environment.
/// Long-running apps are not run here: their supervisor restarts and stops them on its own terms.
/// </remarks>
public sealed class ProcessRunner(ILogger<ProcessRunner> logger) : IDisposable, IAsyncDisposable
{
    /// <summary>How long output may stay open after the child exits (an orphan holding it) or after a kill.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    /// <summary>How long disposing waits for the runs it stopped: a kill, then at most the drain, for each.</summary>
    private static readonly TimeSpan StopLimit = DrainLimit * 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly CancellationTokenSource disposing = new();
    private readonly Lock gate = new();
    private int running;
    private TaskCompletionSource? allEnded;

    /// <summary>Runs the program to its end, its time limit or the token, whichever comes first.</summary>
    /// <exception cref="ProcessStartException">The program was not found or could not be started.</exception>
    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.TailLines);
        if (request.Timeout <= TimeSpan.Zero && request.Timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"The time limit of '{request.Shown}' must be positive.");
        }

        var start = StartInfo(request, out var ownGroup);
        Enter();
        try
        {
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(ct, disposing.Token);
            return await RunAsync(request, start, ownGroup, stopped.Token);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Stops the runs still going (as a cancel would) and waits for them to end, so the panel's process does not exit
    /// in the middle of a kill: the runtime stops a child (SIGSTOP) before it walks the child's tree, and a process
    /// that exits before the SIGKILL that follows leaves that child stopped for good.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (StopAll() is { } ended && !await WaitQuietlyAsync(ended, StopLimit))
        {
            ProcessLog.LeftRunning(logger, StopLimit.TotalSeconds);
        }
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (StopAll() is { } ended && !ended.Wait(StopLimit))
        {
            ProcessLog.LeftRunning(logger, StopLimit.TotalSeconds);
        }
    }

    /// <summary>Cancels every run; the task that completes when the last has ended, or null when none runs.</summary>
    private Task? StopAll()
    {
        lock (gate)
        {
            if (!disposing.IsCancellationRequested)
            {
                disposing.Cancel();
            }

            if (running == 0)
            {
                return null;
            }

            allEnded ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return allEnded.Task;
        }
    }

    private void Enter()
    {
        lock (gate)
        {
            if (disposing.IsCancellationRequested)
            {
                throw new OperationCanceledException("The panel is stopping: no program is started any more.", disposing.Token);
            }

            running++;
        }
    }

    private void Exit()
    {
        lock (gate)
        {
            if (--running == 0)
            {
                allEnded?.TrySetResult();
            }
        }
    }

    private async Task<ProcessResult> RunAsync(ProcessRequest request, ProcessStartInfo start, bool ownGroup, CancellationToken ct)
    {
        using var process = new Process { StartInfo = start };
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProcessStartException(request.Program, e.Message, e);
        }

        using var finished = new CancellationTokenSource();
        var output = new OutputCollector(request.OnLine, request.TailLines);
        try
        {
            var reading = Task.WhenAll(
                output.PumpAsync(process.StandardOutput, OutputStream.StandardOutput, finished.Token),
                output.PumpAsync(process.StandardError, OutputStream.StandardError, finished.Token));
            _ = WriteStdinAsync(process.StandardInput, request.StandardInput, finished.Token);
            var stop = await WaitAsync(process, request.Timeout, ct);
            var orphansStopped = false;
            if (stop is not null)
            {
                ProcessGroup.KillAll(process, ownGroup);
                ProcessLog.Killed(logger, request.Shown, process.Id, stop.Value);
                _ = await WaitQuietlyAsync(Task.WhenAll(process.WaitForExitAsync(CancellationToken.None), reading));
            }
            else if (!await WaitQuietlyAsync(reading) && ownGroup)
            {
                ProcessGroup.KillGroup(process.Id);
                ProcessLog.OrphansKilled(logger, request.Shown, process.Id);
                orphansStopped = true;
                _ = await WaitQuietlyAsync(reading);
            }

            var result = new ProcessResult
            {
                ExitCode = process.HasExited ? process.ExitCode : -1,
                TimedOut = stop == Stop.TimedOut,
                Cancelled = stop == Stop.Cancelled,
                OrphansStopped = orphansStopped,
                Tail = output.Tail(),
                Duration = Stopwatch.GetElapsedTime(started),
            };
            ProcessLog.Finished(logger, request.Shown, result.ExitCode, result.Duration.TotalMilliseconds);
            return result;
        }
        finally
        {
            output.Seal();
            await finished.CancelAsync();
            if (!process.HasExited)
            {
                // Only reached when something above threw (a callback, for one): no child outlives its run.
                ProcessGroup.KillAll(process, ownGroup);
            }
        }
    }

    private static ProcessStartInfo StartInfo(ProcessRequest request, out bool ownGroup)
    {
        var folder = request.WorkingDirectory ?? Environment.CurrentDirectory;
        if (!Directory.Exists(folder))
        {
            throw new ProcessStartException(request.Program, $"its working folder '{folder}' does not exist.");
        }

        var start = new ProcessStartInfo
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        ownGroup = ProcessGroup.Configure(start, ProgramPath.Resolve(request.Program, Environment.GetEnvironmentVariable));
        foreach (var argument in request.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (!request.InheritEnvironment)
        {
            start.Environment.Clear();
        }

        foreach (var (key, value) in request.Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Null when the child exited by itself; otherwise why it has to be stopped.</summary>
    private static async Task<Stop?> WaitAsync(Process process, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return null;
        }
        catch (OperationCanceledException)
        {
            return ct.IsCancellationRequested ? Stop.Cancelled : Stop.TimedOut;
        }
    }

    private static async Task WriteStdinAsync(StreamWriter stdin, string? text, CancellationToken finished)
    {
        try
        {
            if (text is not null)
            {
                await stdin.WriteAsync(text.AsMemory(), finished);
                await stdin.FlushAsync(finished);
            }

            stdin.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The child exited or closed stdin without reading it all: reading stdin is the child's choice.
        }
    }

    /// <summary>Waits up to <see cref="DrainLimit"/> (or the limit given); false when the task is still running then.</summary>
    private static async Task<bool> WaitQuietlyAsync(Task task, TimeSpan? limit = null)
    {
        try
        {
            await task.WaitAsync(limit ?? DrainLimit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Process.Build;

/// <summary>
/// Runs one build command (venv, pip, manage.py) with an argument list and a time limit, writing each output line
/// into the deployment log. A failure names the command, the exit code and the last lines.
/// </summary>
public static class CommandRunner
{
    private const string Source = "addon:process";

    public static async Task RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, IDeploymentLog log, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, environment);

        var shown = $"{Path.GetFileName(program)} {string.Join(' ', arguments)}";
        log.Write(DeploymentLogLevel.Info, Source, $"$ {shown}");
        var tail = new Queue<string>();
        using var process = System.Diagnostics.Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{program}'. Check that it is installed.");
        process.StandardInput.Close();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        var reading = Task.WhenAll(
            PumpAsync(process.StandardOutput, DeploymentLogLevel.Info, log, tail),
            PumpAsync(process.StandardError, DeploymentLogLevel.Info, log, tail));
        try
        {
            await process.WaitForExitAsync(limit.Token);
            await reading.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new BuildFailedException(
                $"'{shown}' did not finish within {timeout.TotalSeconds:0} s and was stopped. Raise the time limit in the "
                + "Process settings or make the step faster.");
        }

        if (process.ExitCode != 0)
        {
            string last;
            lock (tail)
            {
                last = string.Join('\n', tail);
            }

            throw new BuildFailedException($"'{shown}' failed with exit code {process.ExitCode}. Last lines:\n{last}");
        }
    }

    private static async Task PumpAsync(StreamReader reader, DeploymentLogLevel level, IDeploymentLog log, Queue<string> tail)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            log.Write(level, Source, line);
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }
    }
}

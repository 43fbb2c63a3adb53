using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;

namespace WebOps.Addons.Process.Build;

/// <summary>
/// Runs one build command (venv, pip, manage.py) with an argument list, a clean environment and a time limit,
/// writing each output line into the deployment log. A failure names the command, the exit code and the last lines.
/// </summary>
public sealed class CommandRunner(ProcessRunner processes)
{
    private const string Source = "addon:process";

    /// <exception cref="BuildFailedException">The command could not start, failed or ran out of time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired; the command was stopped first.</exception>
    public async Task RunAsync(
        string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout, IDeploymentLog log, CancellationToken ct)
    {
        var request = new ProcessRequest
        {
            Program = program,
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            Environment = ChildEnvironment.Build(environment),
            InheritEnvironment = false,
            Timeout = timeout,
            OnLine = line => log.Write(line.IsError ? DeploymentLogLevel.Warning : DeploymentLogLevel.Info, Source, line.Text),
        };
        var shown = request.Shown;
        log.Write(DeploymentLogLevel.Info, Source, $"$ {shown}");
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(request, ct);
        }
        catch (ProcessStartException e)
        {
            throw new BuildFailedException($"Could not start '{program}': {e.Reason} Check that it is installed.", e);
        }

        if (result.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        if (result.TimedOut)
        {
            throw new BuildFailedException(
                $"'{shown}' did not finish within {timeout.TotalSeconds:0} s and was stopped. Raise the time limit in the "
                + "Process settings or make the step faster.");
        }

        if (result.ExitCode != 0)
        {
            throw new BuildFailedException($"'{shown}' failed with exit code {result.ExitCode}. Last lines:\n{string.Join('\n', result.TailText())}");
        }
    }
}

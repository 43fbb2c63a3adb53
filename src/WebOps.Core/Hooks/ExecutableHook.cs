using System.Globalization;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;
using WebOps.Core.Processes;

namespace WebOps.Core.Hooks;

/// <summary>
/// Runs a <c>run:</c> hook: starts the file directly (no shell, no arguments) in the addon folder with only the
/// hook's environment, writes the context JSON on stdin, streams each stdout/stderr line to the deployment log as it
/// arrives, and reads the exit code. When <paramref name="ct"/> fires (timeout or cancelled deploy) the whole process
/// tree and group are killed before this returns, and <see cref="OperationCanceledException"/> is thrown.
/// </summary>
internal sealed class ExecutableHook(ProcessRunner processes)
{
    public async Task<HookResult> RunAsync(HookDefinition hook, DiscoveredAddon addon, HookContext context, CancellationToken ct)
    {
        var executable = hook.Run ?? throw new ArgumentException("The hook has no 'run' path.", nameof(hook));
        var shown = hook.RunRelative ?? Path.GetFileName(executable);
        if (!IsExecutable(executable))
        {
            return HookResult.Fail($"'{shown}' is not executable (chmod +x it)");
        }

        var output = new HookOutput(context.Log, $"addon:{addon.Name}");
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(
                new ProcessRequest
                {
                    Program = executable,
                    WorkingDirectory = addon.Folder,
                    Environment = HookEnvironment.Build(context, addon.Folder, Environment.GetEnvironmentVariable),
                    InheritEnvironment = false,
                    StandardInput = HookPayload.Build(context, addon.Secrets) + "\n",
                    // The hook's time limit is carried by ct (the invoker owns it and reports the timeout).
                    Timeout = Timeout.InfiniteTimeSpan,
                    OnLine = output.Write,
                },
                ct);
        }
        catch (ProcessStartException ex)
        {
            return HookResult.Fail($"'{shown}' could not be started: {ex.Reason}");
        }

        if (result.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        if (result.OrphansStopped)
        {
            context.Log.Write(DeploymentLogLevel.Warning, output.Source, "processes started by the hook still held its output after it exited; they were stopped");
        }

        return Interpret(context, result.ExitCode, output);
    }

    private static HookResult Interpret(HookContext context, int exitCode, HookOutput output)
    {
        if (context.Event == HookEvent.HealthCheck)
        {
            return HealthLine.Apply(exitCode, output, context.Metrics);
        }

        return exitCode == 0 ? HookResult.Ok() : HookResult.Fail(ExitMessage(exitCode, output));
    }

    internal static string ExitMessage(int exitCode, HookOutput output) =>
        output.LastStderr is { Length: > 0 } last
            ? string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}: {last}")
            : string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}");

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}

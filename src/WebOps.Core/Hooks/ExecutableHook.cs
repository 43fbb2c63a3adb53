using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>
/// Runs a <c>run:</c> hook: starts the file directly (no shell, no arguments) in the addon folder, writes the
/// context JSON on stdin, streams each stdout/stderr line to the deployment log as it arrives, and reads the exit
/// code. When <paramref name="ct"/> fires (timeout or cancelled deploy) the whole process tree and group are
/// killed before this returns, and <see cref="OperationCanceledException"/> is thrown.
/// </summary>
internal static class ExecutableHook
{
    /// <summary>How long output may stay open after the hook exits (an orphan holding it) or after a kill.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(2);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<HookResult> RunAsync(HookDefinition hook, DiscoveredAddon addon, HookContext context, CancellationToken ct)
    {
        var executable = hook.Run ?? throw new ArgumentException("The hook has no 'run' path.", nameof(hook));
        var shown = hook.RunRelative ?? Path.GetFileName(executable);
        if (!IsExecutable(executable))
        {
            return HookResult.Fail($"'{shown}' is not executable (chmod +x it)");
        }

        var start = new ProcessStartInfo
        {
            WorkingDirectory = addon.Folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        var ownGroup = ProcessGroup.Configure(start, executable);
        start.Environment.Clear();
        foreach (var (key, value) in HookEnvironment.Build(context, addon.Folder, Environment.GetEnvironmentVariable))
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return HookResult.Fail($"'{shown}' could not be started: {ex.Message}");
        }

        var output = new HookOutput(context.Log, $"addon:{addon.Name}");
        var stdout = output.PumpAsync(process.StandardOutput, DeploymentLogLevel.Info);
        var stderr = output.PumpAsync(process.StandardError, DeploymentLogLevel.Warning);
        _ = WriteStdinAsync(process.StandardInput, HookPayload.Build(context, addon.Secrets));
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            ProcessGroup.KillAll(process, ownGroup);
            await WaitQuietlyAsync(Task.WhenAll(process.WaitForExitAsync(CancellationToken.None), stdout, stderr));
            throw;
        }

        if (!await WaitQuietlyAsync(Task.WhenAll(stdout, stderr)) && ownGroup)
        {
            context.Log.Write(DeploymentLogLevel.Warning, output.Source, "processes started by the hook still held its output after it exited; they were stopped");
            ProcessGroup.KillGroup(process.Id);
            await WaitQuietlyAsync(Task.WhenAll(stdout, stderr));
        }

        return Interpret(context, process.ExitCode, output);
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

    private static async Task WriteStdinAsync(StreamWriter stdin, string payload)
    {
        try
        {
            await stdin.WriteAsync(payload + "\n");
            await stdin.FlushAsync();
            stdin.Close();
        }
        catch (IOException)
        {
            // The hook exited or closed stdin without reading it all; reading stdin is optional.
        }
        catch (ObjectDisposedException)
        {
            // The run already ended (timeout) while the payload was still being written.
        }
    }

    /// <summary>Waits up to <see cref="DrainLimit"/>; false when the task is still running then.</summary>
    private static async Task<bool> WaitQuietlyAsync(Task task)
    {
        try
        {
            await task.WaitAsync(DrainLimit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}

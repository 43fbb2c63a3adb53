using System.Diagnostics;

namespace WebOps.Addons.Process.Supervision;

/// <summary>
/// Starts an app in its own session and process group with its output going straight to files. util-linux's
/// <c>setsid</c> calls setsid() and execs in place (same pid); <c>sh</c> then opens the files and execs the app
/// (same pid again). The script below is fixed text: the paths and the app's command reach it only as
/// positional arguments, never as shell code.
/// </summary>
public static class AppCommand
{
    private const string Script = "out=$1; err=$2; shift 2; exec \"$@\" </dev/null >>\"$out\" 2>>\"$err\"";

    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>The setsid program, or null (then the app shares the panel's group and only its pid is signalled).</summary>
    public static string? SetsidPath { get; } = SetsidCandidates.FirstOrDefault(File.Exists);

    /// <summary>The program and arguments that start <paramref name="program"/> with its output in the two files.</summary>
    public static IReadOnlyList<string> Build(string program, IReadOnlyList<string> arguments, string stdoutPath, string stderrPath, string? setsid)
    {
        var command = new List<string>();
        if (setsid is not null)
        {
            command.Add(setsid);
        }

        command.AddRange(["/bin/sh", "-c", Script, "webops-app", stdoutPath, stderrPath, program]);
        command.AddRange(arguments);
        return command;
    }

    /// <summary>Starts in <paramref name="workingDirectory"/> with a clean environment (see <see cref="ChildEnvironment"/>).</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyList<string> command, string workingDirectory, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(command[0]) { WorkingDirectory = workingDirectory, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start, variables);
        return start;
    }
}

namespace WebOps.Core.Processes;

/// <summary>
/// Finds the file a program name means before anything starts, so "not found" and "not executable" are reported by
/// name instead of as an exit code from <c>setsid</c> (which would otherwise do the look-up).
/// </summary>
internal static class ProgramPath
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The absolute path of <paramref name="program"/>.</summary>
    /// <exception cref="ProcessStartException">No such file, or it cannot be executed.</exception>
    public static string Resolve(string program, Func<string, string?> panelEnvironment)
    {
        if (string.IsNullOrWhiteSpace(program))
        {
            throw new ProcessStartException(program, "no program was given.");
        }

        if (program.Contains('/', StringComparison.Ordinal))
        {
            var full = Path.GetFullPath(program);
            return File.Exists(full)
                ? IsExecutable(full) ? full : throw new ProcessStartException(program, "it is not executable (chmod +x it).")
                : throw new ProcessStartException(program, $"there is no file '{full}'.");
        }

        // A bare name is looked up on PATH only, like execvp and the shell do; .NET would also try the panel's
        // current folder and its own folder, which could run a stray file named like the program.
        var path = panelEnvironment("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new ProcessStartException(program, $"it was not found on PATH ({path}).");
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0;
}

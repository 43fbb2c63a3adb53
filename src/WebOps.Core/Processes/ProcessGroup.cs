using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WebOps.Core.Processes;

/// <summary>
/// Starts child programs as leaders of their own session and process group, and kills that whole group.
/// .NET cannot call setsid() between fork and exec, so the child is started through util-linux's <c>setsid</c>
/// program, which calls setsid() and then execs the child in place (same pid, no shell, its arguments unchanged).
/// Where <c>setsid</c> is missing the child starts directly and only its process tree is killed.
/// </summary>
internal static class ProcessGroup
{
    private const int SigKill = 9;

    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>The setsid program, or null when children cannot get their own process group here.</summary>
    public static string? SetsidPath { get; } =
        OperatingSystem.IsLinux() ? SetsidCandidates.FirstOrDefault(File.Exists) : null;

    /// <summary>
    /// Points the start info at the program, through setsid when available; true when the child leads its own
    /// group. Call before adding the program's own arguments: setsid's come first.
    /// </summary>
    public static bool Configure(ProcessStartInfo start, string executable)
    {
        if (SetsidPath is null)
        {
            start.FileName = executable;
            return false;
        }

        // --wait only matters if setsid had to fork (it does not when the caller is not a group leader).
        start.FileName = SetsidPath;
        start.ArgumentList.Add("--wait");
        start.ArgumentList.Add(executable);
        return true;
    }

    /// <summary>
    /// Kills the child's process tree (children found through their parent pids, including those that moved to a
    /// new session) and then its process group (orphans whose parent already exited but who kept the group).
    /// </summary>
    public static void KillAll(Process process, bool ownGroup)
    {
        var pid = process.Id;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // The child already exited, or part of its tree could not be killed: the group kill below still runs.
        }

        if (ownGroup)
        {
            _ = Kill(-pid, SigKill);
        }
    }

    /// <summary>Kills what is left of the group after the child exited (orphans still holding its output).</summary>
    public static void KillGroup(int pid) => _ = Kill(-pid, SigKill);

    // A plain DllImport: LibraryImport would need AllowUnsafeBlocks for the whole project, for one blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

using System.Runtime.InteropServices;

namespace WebOps.Addons.Process.Supervision;

/// <summary>Sends signals to an app's process group (the app is its session and group leader).</summary>
internal static class Signals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Signals every process of the group led by <paramref name="pid"/>; false when none is left.</summary>
    public static bool Group(int pid, int signal) => Kill(-pid, signal) == 0;

    public static bool One(int pid, int signal) => Kill(pid, signal) == 0;

    // A plain DllImport: LibraryImport would need AllowUnsafeBlocks for the whole project, for one blittable call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}

using System.Runtime.InteropServices;

namespace WebOps.Hosting;

/// <summary>
/// Gives the free memory of the C library's heap back to the system. Native code in the panel (SQLite, OpenSSL, the
/// runtime's JIT) allocates through glibc's malloc, which keeps what is freed inside its heaps for reuse and returns
/// only a free block at a heap's very end; after a burst of work the heaps are mostly free pages the panel still
/// holds (7.6 to 9.5 MB with 20 and with 50 apps, bench/memory). <c>malloc_trim(0)</c> releases the whole pages
/// inside every free block of every heap; they are mapped again on their next use. Does nothing where the C library
/// has no <c>malloc_trim</c> (musl, other systems).
/// </summary>
public static class NativeHeap
{
    private static volatile bool unavailable = !OperatingSystem.IsLinux();

    /// <summary>Whether this system's C library can trim its heap (glibc).</summary>
    public static bool Available => !unavailable;

    /// <summary>Releases the free pages of every malloc heap; true when some memory was given back.</summary>
    public static bool Trim()
    {
        if (unavailable)
        {
            return false;
        }

        try
        {
            return MallocTrim(0) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            unavailable = true;
            return false;
        }
    }

    // A plain DllImport: LibraryImport would need AllowUnsafeBlocks for the whole project, for one blittable call.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

using System.Runtime.InteropServices;
using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

/// <summary>
/// <see cref="NativeHeap.Trim"/> against the real C library: memory freed inside a malloc heap stays resident (glibc
/// keeps it for reuse) until the trim, and is given back by it. Residency is read page by page with <c>mincore</c>,
/// so other tests running in the same process cannot move the figures.
/// </summary>
public sealed class NativeHeapTests
{
    private const int Blocks = 256;
    private const int BlockBytes = 64 << 10; // below glibc's mmap threshold (128 KB): served from a heap
    private static readonly int Page = Environment.SystemPageSize;

    [Fact]
    public void Memory_freed_inside_the_malloc_heap_is_given_back_by_a_trim()
    {
        Assert.True(NativeHeap.Available, "this Linux's C library has no malloc_trim (glibc expected)");
        var blocks = new IntPtr[Blocks];
        var filler = new byte[BlockBytes];
        Array.Fill(filler, (byte)1);
        for (var i = 0; i < Blocks; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.Copy(filler, 0, blocks[i], BlockBytes);
        }

        // Every other block is freed: the ones kept between them keep the freed space inside the heap, since glibc
        // gives a free block back on its own only at a heap's end.
        var freed = blocks.Where((_, i) => i % 2 == 0).ToArray();
        try
        {
            foreach (var block in freed)
            {
                Marshal.FreeHGlobal(block);
            }

            var before = ResidentShare(freed);
            Assert.True(before > 0.9, $"only {before:P0} of the freed pages were still resident before the trim; nothing to measure");

            Assert.True(NativeHeap.Trim(), "malloc_trim said it gave nothing back");

            var after = ResidentShare(freed);
            Assert.True(after < 0.25, $"{after:P0} of the freed pages are still resident after the trim (before: {before:P0})");
        }
        finally
        {
            foreach (var kept in blocks.Where((_, i) => i % 2 == 1))
            {
                Marshal.FreeHGlobal(kept);
            }
        }
    }

    /// <summary>The share of resident pages among the whole pages inside each freed block (its header page left out).</summary>
    private static double ResidentShare(IntPtr[] blocks)
    {
        long resident = 0, pages = 0;
        foreach (var block in blocks)
        {
            var start = (block + Page + Page - 1) & ~(nint)(Page - 1);
            var end = (block + BlockBytes - Page) & ~(nint)(Page - 1);
            var count = (int)((end - start) / Page);
            Assert.True(count > 0, $"a {BlockBytes} byte block holds no whole page of {Page} bytes past its header");
            var vector = new byte[count];
            Assert.Equal(0, MinCore(start, (nuint)(end - start), vector));
            resident += vector.Count(v => (v & 1) != 0);
            pages += count;
        }

        return (double)resident / pages;
    }

    [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MinCore(IntPtr address, nuint length, byte[] vector);
}

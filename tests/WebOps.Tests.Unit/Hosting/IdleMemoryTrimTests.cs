using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class IdleMemoryTrimTests
{
    private const long Mb = 1 << 20;
    private static readonly TimeSpan LongAgo = TimeSpan.FromHours(1);

    [Fact]
    public void A_quiet_panel_holding_much_more_than_it_kept_trims() =>
        Assert.True(IdleMemoryTrim.ShouldTrim(allocatedInInterval: 3 * Mb, committedBytes: 35 * Mb, heapSizeBytes: 12 * Mb, LongAgo));

    [Fact]
    public void An_idle_panel_with_50_apps_counts_as_quiet() =>
        Assert.True(IdleMemoryTrim.ShouldTrim(allocatedInInterval: 10 * Mb, committedBytes: 50 * Mb, heapSizeBytes: 15 * Mb, LongAgo));

    [Fact]
    public void A_busy_panel_does_not_trim() =>
        Assert.False(IdleMemoryTrim.ShouldTrim(allocatedInInterval: 64 * Mb, committedBytes: 35 * Mb, heapSizeBytes: 12 * Mb, LongAgo));

    [Fact]
    public void Little_spare_memory_is_not_worth_a_full_collection() =>
        Assert.False(IdleMemoryTrim.ShouldTrim(allocatedInInterval: 3 * Mb, committedBytes: 20 * Mb, heapSizeBytes: 12 * Mb, LongAgo));

    [Fact]
    public void A_trim_waits_out_the_spacing_after_the_last_one()
    {
        Assert.False(IdleMemoryTrim.ShouldTrim(3 * Mb, 35 * Mb, 12 * Mb, IdleMemoryTrim.MinSpacing - TimeSpan.FromSeconds(1)));
        Assert.True(IdleMemoryTrim.ShouldTrim(3 * Mb, 35 * Mb, 12 * Mb, IdleMemoryTrim.MinSpacing));
    }
}

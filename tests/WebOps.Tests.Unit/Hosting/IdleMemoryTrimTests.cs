using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WebOps.Hosting;
using WebOps.Tests.Unit.Addons;

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

    [Fact]
    public async Task The_running_service_trims_the_native_heap_every_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000));
        using var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Debug));
        using var trim = new IdleMemoryTrim(clock, factory.CreateLogger<IdleMemoryTrim>());
        await trim.StartAsync(CancellationToken.None);
        try
        {
            // The service starts its timer on a thread of its own, maybe after a first advance of the clock: advance
            // again until a tick came. Every tick trims, not only a quiet one (other tests here allocate all the time).
            for (var waited = 0; waited < 100 && !NativeTrimLogged(capture); waited++)
            {
                clock.Advance(IdleMemoryTrim.Interval);
                await Task.Delay(100);
            }

            var line = capture.Messages.FirstOrDefault(m => m.Message.Contains("Trimmed the native heap", StringComparison.Ordinal));
            Assert.True(line.Message is not null, "no native heap trim was logged after 100 intervals");
            Assert.Equal(LogLevel.Debug, line.Level);
            Assert.Contains("memory given back", line.Message, StringComparison.Ordinal);
        }
        finally
        {
            await trim.StopAsync(CancellationToken.None);
        }
    }

    private static bool NativeTrimLogged(CapturingLoggerProvider capture) =>
        capture.Messages.Any(m => m.Message.Contains("Trimmed the native heap", StringComparison.Ordinal));
}

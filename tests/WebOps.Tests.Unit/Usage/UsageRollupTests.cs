using WebOps.Usage;

namespace WebOps.Tests.Unit.Usage;

public sealed class UsageRollupTests
{
    private static UsagePoint P(long time, double cpu, long memory, double? rx = null, long? limit = 1000) =>
        new(time, cpu, memory, limit, rx, rx, null, null);

    [Fact]
    public void Complete_buckets_become_one_average_each_with_peak_memory_and_rates_of_the_known_samples()
    {
        UsagePoint[] raw =
        [
            P(600, 10, 100, rx: null),
            P(610, 20, 300, rx: 50),
            P(890, 30, 200, rx: 150),
            P(900, 5, 400, rx: 10, limit: 2000),
            P(1190, 15, 100, rx: null, limit: 2000),
            P(1200, 99, 999, rx: 99), // bucket 1200-1500 is not complete at 1400
        ];

        var buckets = UsageRollup.Buckets(raw, lastBucket: null, now: 1400);

        Assert.Equal(
            [
                new UsagePoint(600, 20, 300, 1000, 100, 100, null, null),
                new UsagePoint(900, 10, 400, 2000, 10, 10, null, null),
            ],
            buckets);
    }

    [Fact]
    public void Buckets_already_stored_and_the_running_bucket_are_left_out()
    {
        UsagePoint[] raw = [P(600, 10, 100), P(900, 20, 200), P(1200, 30, 300)];

        Assert.Equal([new UsagePoint(900, 20, 200, 1000, null, null, null, null)], UsageRollup.Buckets(raw, lastBucket: 600, now: 1499));
        Assert.Equal(
            [new UsagePoint(900, 20, 200, 1000, null, null, null, null), new UsagePoint(1200, 30, 300, 1000, null, null, null, null)],
            UsageRollup.Buckets(raw, lastBucket: 600, now: 1500));
        Assert.Empty(UsageRollup.Buckets(raw, lastBucket: 1200, now: 9999));
    }

    [Fact]
    public void Buckets_are_aligned_to_five_minutes_of_unix_time()
    {
        Assert.Equal(0, UsageRollup.BucketOf(299));
        Assert.Equal(300, UsageRollup.BucketOf(300));
        Assert.Equal(1_764_620_100, UsageRollup.BucketOf(1_764_620_399));
    }

    [Fact]
    public void Raw_rows_are_kept_a_day_and_averages_thirty_days()
    {
        const long now = 10_000_000;
        UsagePoint[] points = [P(now - 86_401, 1, 1), P(now - 86_400, 2, 2), P(now - 2_592_001, 3, 3), P(now - 2_592_000, 4, 4)];

        Assert.Equal((now - 86_400, now - 2_592_000), UsageRetention.Cutoffs(now));
        Assert.Equal([P(now - 86_401, 1, 1), P(now - 86_400, 2, 2), P(now - 2_592_000, 4, 4)], UsageRetention.Keep(points, rollup: true, now));
        Assert.Equal([P(now - 86_400, 2, 2)], UsageRetention.Keep(points, rollup: false, now));
    }
}

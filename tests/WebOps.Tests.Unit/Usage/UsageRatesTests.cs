using WebOps.Usage;

namespace WebOps.Tests.Unit.Usage;

public sealed class UsageRatesTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_000);

    private static UsageReading R(DateTimeOffset at, string source, ulong? rx, ulong? read) =>
        new(at, source, 12.5, 4096, 8192, rx, rx is { } r ? r * 2 : null, read, read);

    [Fact]
    public void Totals_become_bytes_per_second_since_the_reading_before()
    {
        var point = UsageRates.Point(R(T0, "c1", 1_000, 0), R(T0.AddSeconds(10), "c1", 6_000, 2_048));

        Assert.Equal(new UsagePoint(1_010, 12.5, 4096, 8192, 500, 1_000, 204.8, 204.8), point);
    }

    [Fact]
    public void No_rate_for_the_first_reading_another_container_or_a_counter_that_started_again()
    {
        var first = UsageRates.Point(null, R(T0, "c1", 1_000, 10));
        var replaced = UsageRates.Point(R(T0, "c1", 1_000, 10), R(T0.AddSeconds(10), "c2", 2_000, 20));
        var restarted = UsageRates.Point(R(T0, "c1", 5_000, 10), R(T0.AddSeconds(10), "c1", 100, 20));

        Assert.Equal(new UsagePoint(1_000, 12.5, 4096, 8192, null, null, null, null), first);
        Assert.Equal(new UsagePoint(1_010, 12.5, 4096, 8192, null, null, null, null), replaced);
        Assert.Equal(new UsagePoint(1_010, 12.5, 4096, 8192, null, null, 1, 1), restarted);
    }
}

using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Validation;
using WebOps.Usage;

namespace WebOps.Tests.Unit.Usage;

public sealed class UsageParsingTests
{
    [Fact]
    public void Proc_stat_gives_cpu_ticks_start_time_and_resident_pages_even_with_a_parenthesis_in_the_name()
    {
        const string line = "4242 (gunicorn: (master)) S 1 4242 4242 0 -1 4194560 9000 0 0 0 150 50 0 0 20 0 1 0 777 123456789 3210 18446744073709551615 1 1 0 0 0 0 0 16781312 16386 0 0 0 17 1 0 0 0 0 0";

        Assert.Equal(new ProcStat(200, 777, 3210), ProcStat.Parse(line));
        Assert.Null(ProcStat.Parse("garbage"));
    }

    [Fact]
    public void Proc_io_gives_the_bytes_that_reached_the_disk()
    {
        const string io = "rchar: 999\nwchar: 888\nsyscr: 1\nsyscw: 2\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n";

        Assert.Equal(((ulong?)4096, (ulong?)8192), ProcStat.ParseIo(io));
        Assert.Equal(((ulong?)null, (ulong?)null), ProcStat.ParseIo(""));
    }

    [Fact]
    public void Container_stats_sum_every_network_and_both_cgroup_spellings_of_block_io()
    {
        var sample = new ContainerStatsResponse
        {
            MemoryStats = new MemoryStats { Usage = 100 },
            Networks = new Dictionary<string, NetworkStats> { ["eth0"] = new() { RxBytes = 10, TxBytes = 20 }, ["eth1"] = new() { RxBytes = 1, TxBytes = 2 } },
            BlkioStats = new BlkioStats
            {
                IoServiceBytesRecursive = [new() { Op = "read", Value = 5 }, new() { Op = "Read", Value = 7 }, new() { Op = "write", Value = 3 }, new() { Op = "sync", Value = 100 }],
            },
        };

        var stats = ContainerStats.From(sample);

        Assert.Equal((11UL, 22UL, 12UL, 3UL), (stats.NetworkRxBytes, stats.NetworkTxBytes, stats.BlockReadBytes, stats.BlockWriteBytes));
        Assert.Null(ContainerStats.From(new ContainerStatsResponse()).NetworkRxBytes);
    }

    [Fact]
    public void Range_defaults_to_an_hour_and_refuses_anything_else_naming_the_allowed_values()
    {
        var errors = new List<FieldError>();

        Assert.Equal("1h", UsageRange.Parse([], errors)?.Name);
        Assert.Equal("30d", UsageRange.Parse(["30d"], errors)?.Name);
        Assert.Null(UsageRange.Parse(["7d"], errors));
        Assert.Equal([new FieldError("range", "must be one of 1h, 24h, 30d, e.g. range=24h")], errors);
    }

    [Fact]
    public void Figures_read_as_people_read_them()
    {
        Assert.Equal("512 B", UsageFigures.Bytes(512));
        Assert.Equal("1.5 MiB", UsageFigures.Bytes(1.5 * 1024 * 1024));
        Assert.Equal("–", UsageFigures.Rate(null));
        Assert.Equal("2.0 KiB/s", UsageFigures.Rate(2048));
        Assert.Equal(25.0, UsageFigures.MemoryPercent(new UsagePoint(0, 0, 256, 1024, null, null, null, null)));
        Assert.Null(UsageFigures.MemoryPercent(new UsagePoint(0, 0, 256, null, null, null, null, null)));
    }
}

using Microsoft.Extensions.Time.Testing;
using WebOps.Usage;

namespace WebOps.Tests.Unit.Usage;

public sealed class ProcessUsageReaderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "webops-proc-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Cpu_is_the_cpu_time_used_between_two_readings_over_the_time_between()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000));
        var reader = new ProcessUsageReader(clock) { ProcRoot = root };
        Write(pid: 42, cpuTicks: 100, start: 555, rssPages: 10, io: "read_bytes: 0\nwrite_bytes: 4096\n");
        var first = await reader.ReadAsync(42, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(10));
        Write(pid: 42, cpuTicks: 350, start: 555, rssPages: 20, io: "read_bytes: 8192\nwrite_bytes: 4096\n");
        var second = await reader.ReadAsync(42, CancellationToken.None);

        Assert.Equal(new UsageReading(clock.GetUtcNow().AddSeconds(-10), "pid 42 started 555", 0, 10 * Environment.SystemPageSize, null, null, null, 0, 4096), first);
        Assert.Equal(new UsageReading(clock.GetUtcNow(), "pid 42 started 555", 25, 20 * Environment.SystemPageSize, null, null, null, 8192, 4096), second);
    }

    [Fact]
    public async Task A_reused_pid_starts_again_and_a_gone_process_reads_as_null()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_000));
        var reader = new ProcessUsageReader(clock) { ProcRoot = root };
        Write(pid: 7, cpuTicks: 100, start: 1, rssPages: 1, io: null);
        await reader.ReadAsync(7, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        Write(pid: 7, cpuTicks: 900, start: 2, rssPages: 1, io: null);

        var reused = await reader.ReadAsync(7, CancellationToken.None);

        Assert.Equal((0.0, "pid 7 started 2", (ulong?)null), (reused!.CpuPercent, reused.Source, reused.BlockReadBytes));
        Assert.Null(await reader.ReadAsync(8, CancellationToken.None));
    }

    [Fact]
    public async Task The_test_process_itself_reads_with_resident_memory()
    {
        var reading = await new ProcessUsageReader(TimeProvider.System).ReadAsync(Environment.ProcessId, CancellationToken.None);

        Assert.NotNull(reading);
        Assert.True(reading.MemoryBytes > 1024 * 1024, $"resident {reading.MemoryBytes} bytes");
    }

    private void Write(int pid, ulong cpuTicks, ulong start, long rssPages, string? io)
    {
        var folder = Path.Combine(root, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "stat"), $"{pid} (app) S 1 {pid} {pid} 0 -1 0 0 0 0 0 {cpuTicks} 0 0 0 20 0 1 0 {start} 1000 {rssPages} 0\n");
        if (io is not null)
        {
            File.WriteAllText(Path.Combine(folder, "io"), io);
        }
    }
}

using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class StartupTimingsTests
{
    [Fact]
    public void The_start_line_names_each_phase_in_milliseconds()
    {
        Assert.Equal(
            "started in 4102 ms (host 1518; side by side: server 1391, database 1193)",
            StartupTimings.Format(4102, 1518, 1391, 1193));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_start_ends_with_the_slower_of_the_server_and_the_database(bool databaseLast)
    {
        var timings = new StartupTimings();
        timings.HostBuilt();
        timings.TasksStarting();
        if (databaseLast)
        {
            timings.Listening();
            Thread.Sleep(30);
            timings.TasksFinished();
        }
        else
        {
            timings.TasksFinished();
            Thread.Sleep(30);
            timings.Listening();
        }

        var numbers = System.Text.RegularExpressions.Regex.Matches(timings.Summary(), "[0-9]+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(4, numbers.Count);
        var (total, host, server, database) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        Assert.All(numbers, n => Assert.True(n >= 0, $"{n} ms"));
        Assert.True(host + Math.Max(server, database) <= total, $"host {host} + max(server {server}, database {database}) > total {total}");
        Assert.True(databaseLast ? database >= 30 : server >= 30, $"server {server} ms, database {database} ms");
    }

    [Fact]
    public void The_finished_line_says_how_long_the_work_after_the_start_took()
    {
        Assert.Equal(
            "start-up finished in 2310 ms (1450 after that: addons, recovery, workers)",
            StartupTimings.FormatRecovery(2310, 1450));
    }
}

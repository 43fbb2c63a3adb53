using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class StartupTimingsTests
{
    [Fact]
    public void The_start_line_names_each_phase_in_milliseconds()
    {
        Assert.Equal(
            "started in 4102 ms (host 1518, migrations 1193, services 1391)",
            StartupTimings.Format(4102, 1518, 1193, 1391));
    }

    [Fact]
    public void Phases_never_add_up_to_more_than_the_total()
    {
        var timings = new StartupTimings();
        timings.HostBuilt();
        timings.TasksStarting();
        timings.TasksFinished();

        var numbers = System.Text.RegularExpressions.Regex.Matches(timings.Summary(), "[0-9]+").Select(m => long.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(4, numbers.Count);
        Assert.Equal(numbers[0], numbers[1] + numbers[2] + numbers[3]);
        Assert.All(numbers, n => Assert.True(n >= 0, $"{n} ms"));
    }

    [Fact]
    public void The_finished_line_says_how_long_the_work_after_listening_took()
    {
        Assert.Equal(
            "start-up finished in 2310 ms (1450 after listening: addons, recovery, workers)",
            StartupTimings.FormatRecovery(2310, 1450));
    }
}

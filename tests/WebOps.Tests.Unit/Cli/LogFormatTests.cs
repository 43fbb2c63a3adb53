using WebOps.Cli.Client;

namespace WebOps.Tests.Unit.Cli;

public class LogFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 9, 5, 7, TimeSpan.Zero);

    [Fact]
    public void A_log_line_is_time_source_and_message()
    {
        var line = new LogEntry(7, 2, At, "info", "git", "Checked out main at abc");

        Assert.Equal("09:05:07 git: Checked out main at abc", LogFormat.Plain(line, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Warnings_and_errors_say_so_in_words()
    {
        Assert.Equal("09:05:07 webops: error: Deploy #2 failed", LogFormat.Plain(new LogEntry(1, 2, At, "error", "webops", "Deploy #2 failed"), TimeZoneInfo.Utc));
        Assert.Equal("09:05:07 addon:docker: warning: slow", LogFormat.Plain(new LogEntry(1, 2, At, "warning", "addon:docker", "slow"), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Markup_escapes_what_the_log_says()
    {
        var line = new LogEntry(7, 2, At, "error", "hook[x]", "RUN [ -f a ]");

        Assert.Equal("[grey]09:05:07[/] [blue]hook[[x]]:[/] [red]error: RUN [[ -f a ]][/]", LogFormat.Markup(line, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Runtime_lines_carry_their_date_when_the_runtime_gave_one()
    {
        Assert.Equal("2026-03-04 09:05:07 GET / 200", LogFormat.Plain(new RuntimeLine(At, "stdout", "GET / 200"), TimeZoneInfo.Utc));
        Assert.Equal("booting", LogFormat.Plain(new RuntimeLine(null, "stderr", "booting"), TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(59.9, "59 s")]
    [InlineData(65, "1 min 05 s")]
    [InlineData(3725, "62 min 05 s")]
    public void Elapsed_time_reads_in_seconds_then_minutes(double seconds, string expected) =>
        Assert.Equal(expected, LogFormat.Elapsed(TimeSpan.FromSeconds(seconds)));
}

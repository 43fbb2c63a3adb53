using System.Text;
using WebOps.Cli.Client;

namespace WebOps.Tests.Unit.Cli;

public class DeploymentEventsTests
{
    [Fact]
    public async Task The_stream_yields_log_lines_and_status_changes_and_skips_the_rest()
    {
        const string text = """
            : connected

            event: log
            data: {"id":41,"deploy_run_id":3,"time":"2026-03-04T09:05:07+00:00","level":"info","source":"git","message":"Cloning"}

            event: hook
            data: {"anything":1}

            event: status
            data: {"name":"blog","status":"running","health":"unknown","url":null,"commit_sha":"abc","updated_at":"2026-03-04T09:05:08+00:00"}


            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

        var events = new List<StreamEvent>();
        await foreach (var e in DeploymentEvents.ParseAsync(stream, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal(2, events.Count);
        Assert.Equal(new LogEntry(41, 3, new DateTimeOffset(2026, 3, 4, 9, 5, 7, TimeSpan.Zero), "info", "git", "Cloning"), events[0].Log);
        Assert.Equal(("blog", "running", "abc"), (events[1].Status!.Name, events[1].Status!.Status, events[1].Status!.CommitSha));
    }
}

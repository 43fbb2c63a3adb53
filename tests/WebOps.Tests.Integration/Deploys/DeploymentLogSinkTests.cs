using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WebOps.Core.Deployments;
using WebOps.Data;
using WebOps.Deploys;

namespace WebOps.Tests.Integration.Deploys;

/// <summary>
/// The deploy log sink on a real SQLite database: lines that trickle in (as a deploy writes them) are saved in a few
/// transactions, not one each, and every line still reaches the live stream once, in order, with its saved id. The
/// sink's clock stands still while lines arrive, so what is gathered does not depend on how busy the machine is.
/// </summary>
public sealed class DeploymentLogSinkTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("webops-logsink-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Lines_written_one_by_one_are_saved_in_batches_and_streamed_live_in_order()
    {
        await using var services = new ServiceCollection().AddLogging().AddWebOpsData(folder).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            db.Deployments.Add(new Deployment { Name = "sink", RepoUrl = "https://example.invalid/sink.git", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        int id;
        await using (var scope = services.CreateAsyncScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<WebOpsDbContext>().Deployments.SingleAsync()).Id;
        }

        var live = new LiveEvents();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var sink = new DeploymentLogSink(services.GetRequiredService<IServiceScopeFactory>(), live, clock, NullLogger<DeploymentLogSink>.Instance);
        using var stop = new CancellationTokenSource();
        var seen = new List<LogLine>();
        var reading = Task.Run(async () =>
        {
            await foreach (var e in live.SubscribeAsync("sink", stop.Token))
            {
                seen.Add((LogLine)e.Data);
                if (seen.Count == 40)
                {
                    return;
                }
            }
        });
        await Task.Delay(100); // the subscription is in place before the first line
        await sink.StartAsync(CancellationToken.None);

        for (var i = 0; i < 20; i++)
        {
            sink.Append("sink", id, null, DeploymentLogLevel.Info, "test", $"line {i}");
            await Task.Delay(2);
        }

        clock.Advance(DeploymentLogSink.GatherWindow); // the first window ends: its lines are saved together
        for (var i = 20; i < 40; i++)
        {
            sink.Append("sink", id, null, DeploymentLogLevel.Info, "test", $"line {i}");
            await Task.Delay(2);
        }

        await sink.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60)); // a flush ends the second window at once
        await reading.WaitAsync(TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await sink.StopAsync(CancellationToken.None);

        // One by one, each line would be a transaction of its own (up to 40).
        Assert.InRange(sink.SavedBatches, 1, 4);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"line {i}"), seen.Select(l => l.Message));
        Assert.All(seen, l => Assert.True(l.Id > 0));
        await using var check = services.CreateAsyncScope();
        var saved = await check.ServiceProvider.GetRequiredService<WebOpsDbContext>().DeploymentLogs.OrderBy(l => l.Id).Select(l => l.Message).ToListAsync();
        Assert.Equal(seen.Select(l => l.Message), saved);
    }
}

using System.Threading.Channels;
using WebOps.Core.Deployments;
using WebOps.Core.Text;
using WebOps.Data;

namespace WebOps.Deploys;

/// <summary>
/// Persists deployment log lines in batches (a build can print thousands) and publishes each saved line live.
/// Every line of every source (git, builds, hooks, the panel itself) enters here, so this is where terminal control
/// sequences are removed: the log and the page show text, not colour codes. Lines that arrive one by one (most of a
/// deploy's) are gathered for <see cref="GatherWindow"/> so they are saved in one transaction rather than one each;
/// a flush cuts the wait short, so the end of a deploy is not delayed.
/// </summary>
public sealed class DeploymentLogSink(IServiceScopeFactory scopes, LiveEvents live, TimeProvider clock, ILogger<DeploymentLogSink> logger)
    : BackgroundService
{
    private const int MaxMessageLength = 8000;
    private const int MaxBatch = 500;

    /// <summary>Short enough to read as live on the page, long enough to gather a burst of lines into one save.</summary>
    public static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim flushRequested = new(0);
    private long savedBatches;

    /// <summary>How many batches were saved since start: each is one database transaction.</summary>
    public long SavedBatches => Interlocked.Read(ref savedBatches);
    private readonly Channel<object> queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    public void Append(string deployment, int deploymentId, int? runId, DeploymentLogLevel level, string source, string message)
    {
        var plain = TerminalText.Strip(message);
        if (plain.Length == 0 && message.Length > 0)
        {
            return; // only control sequences, e.g. the colour reset a program prints after its last line
        }

        var text = plain.Length > MaxMessageLength ? plain[..MaxMessageLength] + " [truncated]" : plain;
        queue.Writer.TryWrite(new Pending(deployment, new DeploymentLogEntry
        {
            DeploymentId = deploymentId,
            DeployRunId = runId,
            Time = clock.GetUtcNow(),
            Level = level,
            Source = source,
            Message = text,
        }));
    }

    /// <summary>Completes once every line appended before the call is saved.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite(done);
        flushRequested.Release();
        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        var flushes = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (!stoppingToken.IsCancellationRequested && queue.Reader.TryPeek(out var first) && first is Pending)
            {
                await GatherAsync(stoppingToken);
            }

            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                if (item is Pending p)
                {
                    batch.Add(p);
                }
                else if (item is TaskCompletionSource tcs)
                {
                    flushes.Add(tcs);
                    break;
                }
            }

            await SaveAsync(batch);
            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
            if (stoppingToken.IsCancellationRequested && !queue.Reader.TryPeek(out _))
            {
                break;
            }
        }
    }

    /// <summary>Waits up to the gather window (on the panel's clock) for more lines; a flush request or shutdown ends the wait early.</summary>
    private async Task GatherAsync(CancellationToken stoppingToken)
    {
        using var gather = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var flush = flushRequested.WaitAsync(gather.Token);
        await Task.WhenAny(flush, Task.Delay(GatherWindow, clock, gather.Token));

        // The loser is cancelled, so no waiter is left behind to swallow a later flush request.
        await gather.CancelAsync();
        try
        {
            await flush;
        }
        catch (OperationCanceledException)
        {
            // The window ended first, or the panel is shutting down: save what is queued now.
        }
    }

    private async Task SaveAsync(List<Pending> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            db.DeploymentLogs.AddRange(batch.Select(b => b.Entry));
            await db.SaveChangesAsync(CancellationToken.None);
            Interlocked.Increment(ref savedBatches);
        }
        catch (Exception e)
        {
            // A deleted deployment's late lines have nowhere to go; keep the panel up.
            logger.LogWarning(e, "Could not save {Count} deployment log lines", batch.Count);
            return;
        }

        foreach (var b in batch)
        {
            live.Publish(new LiveEvent(b.Deployment, "log", ToLine(b.Entry)));
        }
    }

    public static LogLine ToLine(DeploymentLogEntry e) =>
        new(e.Id, e.DeployRunId, e.Time, e.Level.ToString().ToLowerInvariant(), e.Source, e.Message);

    public override void Dispose()
    {
        flushRequested.Dispose();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private sealed record Pending(string Deployment, DeploymentLogEntry Entry);
}

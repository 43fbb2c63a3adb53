using System.Diagnostics;

namespace WebOps.Cli.Client;

/// <summary>
/// Follows one deploy run to its end: its log lines from the event stream as they are saved (each line once, in
/// order), and its result from <c>GET .../runs</c>, asked whenever the deployment's status changes and every few
/// seconds besides. If the stream breaks, the log is asked for every second instead. Returns the finished run.
/// </summary>
public sealed class RunFollower(PanelClient client, string name, IRunView view)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(3);
    private long lastId;
    private string step = DeployStep.Queued;

    public async Task<RunInfo> FollowAsync(DeploymentEvents events, RunInfo run, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var streaming = true;
        var nextCheck = CheckEvery;

        // Lines saved before the stream subscribed (the run may already have started) come from the log.
        await CatchUpAsync(run, ct);
        while (true)
        {
            view.Step(step, clock.Elapsed);
            var check = clock.Elapsed >= nextCheck;
            if (streaming)
            {
                streaming = await WaitAsync(events, ct);
                while (events.Reader.TryRead(out var e))
                {
                    if (e.Log is { } line && line.DeployRunId == run.Id)
                    {
                        Show(line);
                    }

                    check |= e.Status is not null;
                }
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                await CatchUpAsync(run, ct);
                check = true;
            }

            if (check)
            {
                nextCheck = clock.Elapsed + CheckEvery;
                var now = await CurrentAsync(run, ct);
                if (now.Finished)
                {
                    // The panel saves every line of a run before it records the result: ask for any not yet shown.
                    await CatchUpAsync(run, ct);
                    return now;
                }
            }
        }
    }

    /// <summary>Waits a tick for events; false once the stream has ended.</summary>
    private static async Task<bool> WaitAsync(DeploymentEvents events, CancellationToken ct)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(ct);
        tick.CancelAfter(Tick);
        try
        {
            return await events.Reader.WaitToReadAsync(tick.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task CatchUpAsync(RunInfo run, CancellationToken ct)
    {
        var lines = await client.GetAsync<List<LogEntry>>(PanelClient.Path(name, $"logs?run={run.Id}&after={lastId}"), ct);
        foreach (var line in lines)
        {
            Show(line);
        }
    }

    private void Show(LogEntry line)
    {
        if (line.Id <= lastId)
        {
            return;
        }

        lastId = line.Id;
        step = DeployStep.After(step, line);
        view.Line(line);
    }

    private async Task<RunInfo> CurrentAsync(RunInfo run, CancellationToken ct)
    {
        var runs = await client.GetAsync<List<RunInfo>>(PanelClient.Path(name, "runs"), ct);
        return runs.FirstOrDefault(r => r.Id == run.Id)
            ?? throw new PanelException($"run #{run.Id} of '{name}' is no longer listed by the panel; see `webops status {name}`.");
    }
}

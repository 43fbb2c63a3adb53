using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary>
/// What <c>deploy</c> and <c>rollback</c> share: queue a run (the API answers 202 with it), then either say so, or
/// with <c>--follow</c> stream its log to its end and exit 0 when it succeeded, 1 with the error last when it failed.
/// </summary>
public static class QueuedRunVerb
{
    public static async Task<int> RunAsync(
        ParseResult result, PanelClient client, string name, string what, bool follow, Func<CancellationToken, Task<RunInfo>> queue)
    {
        var output = result.InvocationConfiguration.Output;
        if (!follow)
        {
            var queued = await queue(CancellationToken.None);
            await output.WriteLineAsync($"{what} #{queued.Id} of '{name}' queued. Follow it with `webops logs {name} --follow`, or see `webops status {name}`.");
            return ExitCodes.Ok;
        }

        using var stop = new StopSignal();
        await using var events = await DeploymentEvents.OpenAsync(client, name, stop.Token);
        var run = await queue(stop.Token);
        RunInfo end;
        try
        {
            end = await FollowAsync(client, name, $"{what} #{run.Id} of '{name}'", output, events, run, stop.Token);
        }
        catch (OperationCanceledException) when (stop.Requested)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync(
                $"Stopped following. {what} #{run.Id} of '{name}' goes on in the panel; `webops logs {name} --follow` shows it.");
            return ExitCodes.Interrupted;
        }

        var took = end.DurationSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $" in {s:0.0} s") : "";
        if (end.Succeeded)
        {
            await output.WriteLineAsync($"{what} #{end.Id} of '{name}' succeeded{took}.");
            return ExitCodes.Ok;
        }

        await output.FlushAsync();
        await result.InvocationConfiguration.Error.WriteLineAsync($"{what} #{end.Id} of '{name}' {end.Result}{took}: {end.Error ?? "the log above says why"}");
        return ExitCodes.Failed;
    }

    private static async Task<RunInfo> FollowAsync(
        PanelClient client, string name, string title, TextWriter output, DeploymentEvents events, RunInfo run, CancellationToken ct)
    {
        if (!Terminal.IsLive(output))
        {
            return await new RunFollower(client, name, new PlainRunView(output)).FollowAsync(events, run, ct);
        }

        var console = Terminal.For(output);
        return await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(title, ctx => new RunFollower(client, name, new LiveRunView(console, ctx, title)).FollowAsync(events, run, ct));
    }
}

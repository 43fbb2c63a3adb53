using System.CommandLine;

namespace WebOps.Cli.Client;

/// <summary>
/// <c>webops logs NAME [--follow] [--runtime]</c>: the deploy log (every run's lines the panel keeps), then with
/// <c>--follow</c> each new line as it is saved, until Ctrl+C. <c>--runtime</c>: the app's own output instead.
/// </summary>
public static class LogsCommand
{
    public static Verb Create()
    {
        var logs = ClientVerb.Create("logs", "Print a deployment's deploy log (--follow: keep streaming), or the app's own output (--runtime)", "webops logs NAME [--follow] [--runtime]");
        var name = CommonOptions.Positional<string>("NAME", "The deployment's name");
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new deploy log lines as they are written (Ctrl+C stops)" };
        var runtime = new Option<bool>("--runtime") { Description = "The app's own output (container or process), the last 200 lines" };
        logs.Arguments.Add(name);
        logs.Options.Add(follow);
        logs.Options.Add(runtime);
        logs.Validators.Add(r =>
        {
            if (r.GetValue(follow) && r.GetValue(runtime))
            {
                r.AddError("--follow and --runtime cannot be combined: the panel streams the deploy log only. Run `webops logs NAME --runtime` again for newer app output.");
            }
        });
        ClientVerb.SetAction(logs, (result, client, ct) =>
        {
            var deployment = result.GetValue(name)!;
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(runtime))
            {
                return RuntimeAsync(client, deployment, output, ct);
            }

            return result.GetValue(follow) ? FollowAsync(result, client, deployment, output) : DeployLogAsync(client, deployment, output, ct);
        });
        return logs;
    }

    private static async Task<int> DeployLogAsync(PanelClient client, string name, TextWriter output, CancellationToken ct)
    {
        foreach (var line in await client.GetAsync<List<LogEntry>>(PanelClient.Path(name, "logs"), ct))
        {
            await output.WriteLineAsync(LogFormat.Plain(line, TimeZoneInfo.Local));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> RuntimeAsync(PanelClient client, string name, TextWriter output, CancellationToken ct)
    {
        foreach (var line in await client.GetAsync<List<RuntimeLine>>(PanelClient.Path(name, "runtime-logs"), ct))
        {
            await output.WriteLineAsync(LogFormat.Plain(line, TimeZoneInfo.Local));
        }

        return ExitCodes.Ok;
    }

    /// <summary>Subscribes first, then prints the saved log, then streamed lines newer than it: none lost, none twice.</summary>
    private static async Task<int> FollowAsync(ParseResult result, PanelClient client, string name, TextWriter output)
    {
        using var stop = new StopSignal();
        try
        {
            await using var events = await DeploymentEvents.OpenAsync(client, name, stop.Token);
            var last = 0L;
            foreach (var line in await client.GetAsync<List<LogEntry>>(PanelClient.Path(name, "logs"), stop.Token))
            {
                await output.WriteLineAsync(LogFormat.Plain(line, TimeZoneInfo.Local));
                last = line.Id;
            }

            await output.FlushAsync(stop.Token);
            await foreach (var e in events.Reader.ReadAllAsync(stop.Token))
            {
                if (e.Log is { } line && line.Id > last)
                {
                    await output.WriteLineAsync(LogFormat.Plain(line, TimeZoneInfo.Local));
                    await output.FlushAsync(stop.Token);
                    last = line.Id;
                }
            }

            await result.InvocationConfiguration.Error.WriteLineAsync($"The panel at {client.Target.Url} closed the event stream (did it stop?).");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (stop.Requested)
        {
            return ExitCodes.Ok;
        }
    }
}

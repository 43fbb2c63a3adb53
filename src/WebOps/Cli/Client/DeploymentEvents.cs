using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading.Channels;

namespace WebOps.Cli.Client;

/// <summary>
/// A deployment's live event stream (<c>GET /api/deployments/NAME/events</c>, Server-Sent Events: <c>log</c> with a
/// saved line, <c>status</c> after a status or health change), read in the background into a channel. Opened before
/// a deploy is queued, so the run's first lines are not missed. The channel completes when the stream ends.
/// </summary>
public sealed class DeploymentEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly Channel<StreamEvent> channel = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly Task pump;

    private DeploymentEvents(HttpResponseMessage response)
    {
        this.response = response;
        pump = Task.Run(PumpAsync);
    }

    public ChannelReader<StreamEvent> Reader => channel.Reader;

    /// <summary>Connects; the panel subscribes the connection as it answers, so events from here on arrive.</summary>
    public static async Task<DeploymentEvents> OpenAsync(PanelClient client, string name, CancellationToken ct) =>
        new(await client.OpenStreamAsync(PanelClient.Path(name, "events"), ct));

    /// <summary>The events in <paramref name="stream"/>; unknown event types are skipped.</summary>
    public static async IAsyncEnumerable<StreamEvent> ParseAsync(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
        {
            switch (item.EventType)
            {
                case "log" when JsonSerializer.Deserialize<LogEntry>(item.Data, ApiJson.Options) is { } line:
                    yield return new StreamEvent(line, null);
                    break;
                case "status" when JsonSerializer.Deserialize<DeploymentInfo>(item.Data, ApiJson.Options) is { } status:
                    yield return new StreamEvent(null, status);
                    break;
            }
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
            await foreach (var e in ParseAsync(stream, stop.Token))
            {
                await channel.Writer.WriteAsync(e, stop.Token);
            }

            channel.Writer.TryComplete();
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException or OperationCanceledException)
        {
            // The reader sees a completed channel and falls back to asking for the log.
            channel.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await pump;
        response.Dispose();
        stop.Dispose();
    }
}

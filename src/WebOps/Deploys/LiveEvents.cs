using System.Collections.Concurrent;
using System.Threading.Channels;

namespace WebOps.Deploys;

/// <summary>
/// In-process fan-out of live events to Server-Sent Events subscribers. A slow subscriber loses its oldest
/// events instead of slowing the deploy down.
/// </summary>
public sealed class LiveEvents
{
    private readonly ConcurrentDictionary<Guid, (string? Deployment, Channel<LiveEvent> Channel)> subscribers = new();

    public void Publish(LiveEvent e)
    {
        foreach (var (_, sub) in subscribers)
        {
            if (sub.Deployment is null || sub.Deployment == e.Deployment)
            {
                sub.Channel.Writer.TryWrite(e);
            }
        }
    }

    /// <summary>Events of one deployment, or of all when <paramref name="deployment"/> is null, until cancelled.</summary>
    public async IAsyncEnumerable<LiveEvent> SubscribeAsync(
        string? deployment, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(5000) { FullMode = BoundedChannelFullMode.DropOldest });
        subscribers[id] = (deployment, channel);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(ct))
            {
                yield return e;
            }
        }
        finally
        {
            subscribers.TryRemove(id, out _);
        }
    }
}

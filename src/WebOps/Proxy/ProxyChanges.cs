using System.Threading.Channels;

namespace WebOps.Proxy;

/// <summary>"Deployments changed": wakes the proxy service to rebuild and push the config. Many notices make one push.</summary>
public sealed class ProxyChanges
{
    private readonly Channel<bool> channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => channel.Writer.TryWrite(true);

    /// <summary>True when a notice came within <paramref name="wait"/> (it is taken); false when the time ran out.</summary>
    public async Task<bool> WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        if (channel.Reader.TryRead(out _))
        {
            return true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        try
        {
            await channel.Reader.WaitToReadAsync(timeout.Token);
            return channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

using System.Threading.Channels;

namespace WebOps.Webhooks;

/// <summary>
/// The one place every delivery ends, accepted or refused: it is logged here, and a delivery verified for a
/// deployment is handed to <see cref="DeliveryWriter"/> for the deployment's list. Saving happens after the answer,
/// so a wrong secret for a real deployment is answered as fast as a name that does not exist.
/// </summary>
public sealed class DeliveryRecorder(ILogger<DeliveryRecorder> logger)
{
    /// <summary>Deliveries waiting to be saved; beyond this they are logged only, so a flood cannot grow memory.</summary>
    public const int Backlog = 1000;

    private readonly Channel<HookDelivery> channel = Channel.CreateBounded<HookDelivery>(
        new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<HookDelivery> Reader => channel.Reader;

    public void Record(HookDelivery delivery)
    {
        if (delivery.Accepted)
        {
            WebhookLog.Accepted(logger, delivery.Name, delivery.Provider, delivery.Event, delivery.Status, delivery.Result);
        }
        else
        {
            WebhookLog.Refused(logger, delivery.Name, delivery.Provider, delivery.Event, delivery.Status, delivery.Result);
        }

        if (delivery.DeploymentId is not null && !channel.Writer.TryWrite(delivery))
        {
            WebhookLog.Dropped(logger, delivery.Name);
        }
    }
}

using System.Diagnostics.Metrics;
using WebOps.Core.Hooks;

namespace WebOps.Metrics;

/// <summary>
/// Feeds the deploy and hook durations recorded as .NET metrics into the Prometheus collectors, from start until
/// the panel stops. Only those two instruments are listened to, so nothing else costs anything.
/// </summary>
public sealed class MeterBridge(PanelMetrics metrics) : IHostedService, IDisposable
{
    private MeterListener? listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if ((instrument.Meter.Name, instrument.Name) is (DeployMeter.MeterName, DeployMeter.DurationName) or (HookMeter.MeterName, HookMeter.DurationName))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>(OnMeasurement);
        listener.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        listener?.Dispose();
        listener = null;
        return Task.CompletedTask;
    }

    public void Dispose() => listener?.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> all, string key)
        {
            foreach (var t in all)
            {
                if (t.Key == key)
                {
                    return t.Value?.ToString() ?? "";
                }
            }

            return "";
        }

        if (instrument.Name == DeployMeter.DurationName)
        {
            var (deployment, result) = (Tag(tags, "deployment"), Tag(tags, "result"));
            // The duration first: a scrape that sees the run counted also sees its duration.
            metrics.DeployDuration.WithLabels(deployment, result).Observe(seconds);
            metrics.Deploys.WithLabels(deployment, result).Inc();
        }
        else
        {
            metrics.HookDuration.WithLabels(Tag(tags, "event"), Tag(tags, "addon")).Observe(seconds);
        }
    }
}

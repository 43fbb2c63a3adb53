using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using WebOps.Core.Health;

namespace WebOps.Health;

/// <summary>
/// Delivers "turned unhealthy" notices to <c>Health:WebhookUrl</c> from a queue, so a slow or dead receiver never
/// holds up the monitor. Each notice gets three tries with growing pauses.
/// </summary>
public sealed partial class WebhookSender(IOptions<HealthOptions> options, ILogger<WebhookSender> logger) : BackgroundService
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    private readonly Channel<(string Deployment, string Body)> queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.WebhookUrl);

    public void Unhealthy(string deployment, string cause, DateTimeOffset time)
    {
        if (Enabled)
        {
            queue.Writer.TryWrite((deployment, WebhookPayload.Unhealthy(deployment, cause, time)));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (deployment, body) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(deployment, body, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(string deployment, string body, CancellationToken ct)
    {
        var url = new Uri(options.Value.WebhookUrl!);
        string? error = null;
        for (var attempt = 0; attempt <= Pauses.Length; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(Pauses[attempt - 1], ct);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(AttemptTimeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url, content, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                error = $"answered {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                error = e is OperationCanceledException ? $"no answer within {AttemptTimeout.TotalSeconds} s" : e.Message;
            }
        }

        LogGaveUp(logger, deployment, url, Pauses.Length + 1, error ?? "unknown error");
    }

    public override void Dispose()
    {
        client.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Health webhook for '{Deployment}' to {Url} failed {Tries} times ({Error}); check Health:WebhookUrl and the receiver")]
    private static partial void LogGaveUp(ILogger logger, string deployment, Uri url, int tries, string error);
}

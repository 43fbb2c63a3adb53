using System.Diagnostics;
using Microsoft.Extensions.Options;
using WebOps.Core.Health;
using WebOps.Data.Entities;

namespace WebOps.Health;

/// <summary>Asks the app over HTTP from the host, on its published loopback port, whether it answers.</summary>
public sealed class HttpProbe(IOptions<HealthOptions> options) : IDisposable
{
    // No proxy (the app is on loopback), no redirects (a 302 is an answer), a fresh connection per probe
    // so a dead app cannot hide behind a pooled socket.
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.Zero,
        ConnectTimeout = options.Value.ProbeTimeout,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task<HealthReading> ProbeAsync(int hostPort, DeploymentHealthSettings? settings, CancellationToken ct)
    {
        var path = settings?.Path ?? HealthSettingsRules.DefaultPath;
        var limit = options.Value.ProbeTimeout;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{hostPort}{path}"));
        request.Headers.Host = settings?.Host ?? HealthSettingsRules.DefaultHost;
        request.Headers.ConnectionClose = true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ProbeReport.Answered(path, (int)response.StatusCode, watch.Elapsed, settings?.ExpectedStatus);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return ProbeReport.Failed(path, watch.Elapsed, ProbeReport.DescribeError(e, limit));
        }
    }

    public void Dispose() => client.Dispose();
}

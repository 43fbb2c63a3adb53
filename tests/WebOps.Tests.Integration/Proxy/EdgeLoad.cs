using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Clients that keep asking the edge for one domain (Host header, address pinned to loopback) until stopped or their
/// request cap is reached; a connection error, a time-out or a 5xx counts as a failed request, kept apart: a 5xx
/// means the edge sent a request to a release that did not answer, a connection error happened between client and edge.
/// </summary>
internal sealed class EdgeLoad : IAsyncDisposable
{
    private const int CapPerClient = 50_000;

    /// <summary>What the deploy log says when a switch went on without seeing Caddy's health checks take a slot change.</summary>
    public const string NotSeen = "Caddy's health checks did not find";

    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> failures = new();
    private int serverErrors;
    private readonly ConcurrentDictionary<string, int> bodies = new();
    private readonly List<Task> clients;
    private int total;

    private EdgeLoad(int httpPort, string domain, int count)
    {
        clients = [.. Enumerable.Range(0, count).Select(_ => Task.Run(() => RunAsync(httpPort, domain)))];
    }

    public int Total => total;

    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>How many of <see cref="Failures"/> were answers with a 5xx status.</summary>
    public int ServerErrors => serverErrors;

    /// <summary>How many answers carried each body seen.</summary>
    public IReadOnlyDictionary<string, int> Bodies => bodies;

    /// <summary>
    /// The host ports of successive releases took turns on the two ports of one pair of slots (2k and 2k+1): each
    /// switch only flipped the slots' health files, the edge config never changed.
    /// </summary>
    public static void AssertAlternate(IReadOnlyList<int> ports)
    {
        var pair = ports[0] & ~1;
        Assert.All(ports, p => Assert.Equal(pair, p & ~1));
        Assert.All(ports.Zip(ports.Skip(1)), step => Assert.NotEqual(step.First, step.Second));
    }

    public static EdgeLoad Start(int httpPort, string domain, int clients = 4) => new(httpPort, domain, clients);

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(clients);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }

    private async Task RunAsync(int httpPort, string domain)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < CapPerClient && !stop.IsCancellationRequested; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{httpPort}/");
            request.Headers.Host = domain;
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            Interlocked.Increment(ref total);
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                var body = (await response.Content.ReadAsStringAsync()).Trim();
                if ((int)response.StatusCode >= 500)
                {
                    Interlocked.Increment(ref serverErrors);
                    failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {(int)response.StatusCode}: {body}");
                }
                else
                {
                    bodies.AddOrUpdate(body, 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {e.GetType().Name}: {e.Message} {e.InnerException?.Message}");
            }
        }
    }
}

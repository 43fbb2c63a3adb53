using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>
/// <c>POST /swarm/update?rotateWorkerToken=true&amp;rotateManagerToken=true</c> as plain HTTP. Docker.DotNet sends
/// these query names in lower case (<c>rotateworkertoken</c>), which the engine ignores, so the tokens would stay the
/// same; the spec is sent back exactly as the engine gave it, so nothing else changes.
/// </summary>
internal static class TokenRotation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task RotateAsync(string endpoint, Version apiVersion, CancellationToken ct)
    {
        using var http = Client(endpoint);
        var prefix = $"/v{apiVersion.ToString(2)}";
        using var current = await http.GetAsync(new Uri(prefix + "/swarm", UriKind.Relative), ct);
        var text = await current.Content.ReadAsStringAsync(ct);
        if (!current.IsSuccessStatusCode)
        {
            throw new ClusterRefusedException($"The engine at {endpoint} did not show the swarm: {(int)current.StatusCode} {text.Trim()}");
        }

        using var swarm = JsonDocument.Parse(text);
        var version = swarm.RootElement.GetProperty("Version").GetProperty("Index").GetUInt64();
        var spec = swarm.RootElement.GetProperty("Spec").GetRawText();
        var query = string.Create(CultureInfo.InvariantCulture, $"{prefix}/swarm/update?version={version}&rotateWorkerToken=true&rotateManagerToken=true");
        using var content = new StringContent(spec, Encoding.UTF8, "application/json");
        using var updated = await http.PostAsync(new Uri(query, UriKind.Relative), content, ct);
        if (!updated.IsSuccessStatusCode)
        {
            throw new ClusterRefusedException(
                $"The engine at {endpoint} refused to rotate the join tokens: {(int)updated.StatusCode} {(await updated.Content.ReadAsStringAsync(ct)).Trim()}. Try again.");
        }
    }

    private static HttpClient Client(string endpoint)
    {
        var uri = new Uri(endpoint);
        if (uri.Scheme == "unix")
        {
            var socket = uri.LocalPath;
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                        return new NetworkStream(s, ownsSocket: true);
                    }
                    catch
                    {
                        s.Dispose();
                        throw;
                    }
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri("http://docker"), Timeout = Timeout };
        }

        var builder = new UriBuilder(uri) { Scheme = uri.Scheme == "tcp" ? "http" : uri.Scheme, Path = "" };
        return new HttpClient { BaseAddress = builder.Uri, Timeout = Timeout };
    }
}

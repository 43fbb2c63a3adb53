using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// Talks to the edge as a browser would to a real domain, without DNS: every connection goes to 127.0.0.1 on the
/// given port, while the URL's host gives the SNI and Host header. HTTPS is trusted only through the given root.
/// </summary>
internal static class EdgeClient
{
    public static HttpClient Create(int port, string? rootPem = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync("127.0.0.1", port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (rootPem is not null)
        {
            var root = X509Certificate2.CreateFromPem(rootPem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, served, errors) =>
                certificate is not null && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && ChainsTo(certificate, served, root);
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>True when the leaf chains to <paramref name="root"/>, through the intermediates the server sent.</summary>
    private static bool ChainsTo(X509Certificate certificate, X509Chain? served, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        if (served is not null)
        {
            foreach (var element in served.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    /// <summary>The body once the request succeeds; fails naming the last error after <paramref name="limit"/>.</summary>
    public static async Task<string> EventuallyGetAsync(HttpClient client, string url, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }

                last = $"{(int)response.StatusCode} {body}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.InnerException is null ? e.Message : $"{e.Message} ({e.InnerException.Message})";
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"GET {url} did not succeed within {limit.TotalSeconds:0} s; last: {last}");
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Hosting;

/// <summary>
/// The panel serves HTTPS itself when given an https:// address and a certificate (Kestrel's own settings), for those
/// who reach it without the edge in front.
/// </summary>
public sealed class HttpsEndpointTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("webops-https-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task An_https_address_with_a_certificate_serves_healthz_over_tls_with_that_certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(folder.FullName, "panel.crt");
        var keyPath = Path.Combine(folder.FullName, "panel.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());

        var port = TestPorts.Free();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = WebOpsCli.Start(
            output.Enqueue, "serve", "--urls", $"https://127.0.0.1:{port}", "--data", Path.Combine(folder.FullName, "data"),
            $"--Kestrel:Certificates:Default:Path={certPath}", $"--Kestrel:Certificates:Default:KeyPath={keyPath}");
        try
        {
            string? served = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                {
                    served = cert?.Thumbprint;
                    return true;
                },
            };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var body = await WaitAnswerAsync(client, process, output);

            Assert.StartsWith("""{"status":""", body, StringComparison.Ordinal);
            Assert.Equal(certificate.Thumbprint, served);
        }
        finally
        {
            await WebOpsCli.EndAsync(process);
        }
    }

    /// <summary>Polls <c>/healthz</c> until it answers (a few seconds, a minute at most on a busy machine).</summary>
    private static async Task<string> WaitAnswerAsync(HttpClient client, Process process, IEnumerable<string> output)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"the panel exited before it answered over HTTPS:\n{string.Join('\n', output)}");
            try
            {
                return await client.GetStringAsync("/healthz");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("/healthz did not answer over HTTPS within a minute.");
    }
}

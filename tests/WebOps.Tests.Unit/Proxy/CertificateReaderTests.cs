using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;
using WebOps.Proxy;

namespace WebOps.Tests.Unit.Proxy;

/// <summary>The reader over a real proxy folder laid out as Caddy 2.6 leaves it: storage files and its JSON log.</summary>
public sealed class CertificateReaderTests : IDisposable
{
    private static readonly DateTimeOffset Expiry = new(2031, 5, 4, 12, 30, 0, TimeSpan.Zero);

    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-certreader-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_stored_certificate_wins_a_name_without_one_shows_its_logged_failure_and_the_base_domain_name_is_pending()
    {
        var folder = new ProxyFolder(data);
        WriteCertificate(folder, "acme.example-dir", "shop.example.com", "Example Intermediate", Expiry.AddDays(-30));
        WriteCertificate(folder, "acme-other.example-dir", "shop.example.com", "Other Intermediate", Expiry);
        await File.WriteAllLinesAsync(folder.LogFile,
        [
            """{"level":"error","ts":1764590000.5,"logger":"tls.obtain","msg":"could not get certificate from issuer","identifier":"shop.example.com","issuer":"acme.example-dir","error":"old failure"}""",
            """{"level":"error","ts":1764590001.5,"logger":"tls.obtain","msg":"could not get certificate from issuer","identifier":"www.example.com","issuer":"acme.example-dir","error":"HTTP 400 urn:ietf:params:acme:error:dns - no such host"}""",
        ]);
        var reader = new CertificateReader(folder, Options.Create(new ProxyOptions { BaseDomain = "apps.example.net" }));
        var shop = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", Domains = ["shop.example.com", "www.example.com"] };

        var states = await reader.OfAsync(shop, CancellationToken.None);

        Assert.Equal(
            [
                new CertificateState("shop.example.com", "Other Intermediate", Expiry, null),
                new CertificateState("www.example.com", null, null, "HTTP 400 urn:ietf:params:acme:error:dns - no such host"),
                CertificateState.Pending("shop.apps.example.net"),
            ],
            states);
    }

    [Fact]
    public async Task Tls_off_or_the_edge_off_shows_no_certificates()
    {
        var folder = new ProxyFolder(data);
        WriteCertificate(folder, "local", "shop.test", "Caddy Local Authority - ECC Intermediate", Expiry);
        var plain = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", Domains = ["shop.test"], Tls = TlsMode.Off };
        var secure = new Deployment { Name = "shop", RepoUrl = "https://example.com/shop.git", Domains = ["shop.test"] };

        Assert.Empty(await new CertificateReader(folder, Options.Create(new ProxyOptions())).OfAsync(plain, CancellationToken.None));
        Assert.Empty(await new CertificateReader(folder, Options.Create(new ProxyOptions { Enabled = false })).OfAsync(secure, CancellationToken.None));
    }

    private static void WriteCertificate(ProxyFolder folder, string issuerDir, string name, string issuer, DateTimeOffset notAfter)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={issuer}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(notAfter.AddYears(-1), notAfter.AddYears(1));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var leaf = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256).Create(ca, notAfter.AddDays(-90), notAfter, [7, 7]);
        var dir = Path.Combine(folder.Path, "certificates", issuerDir, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".crt"), leaf.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
    }
}

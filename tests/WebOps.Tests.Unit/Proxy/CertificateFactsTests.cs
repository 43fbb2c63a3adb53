using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CertificateFactsTests
{
    private static readonly DateTimeOffset Expiry = new(2031, 5, 4, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_chain_file_gives_the_leafs_issuer_common_name_and_its_expiry_not_the_intermediates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=WebOps Test Intermediate, O=Example CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(Expiry.AddYears(-2), Expiry.AddYears(2));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=shop.example.com", leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(ca, Expiry.AddDays(-90), Expiry, [1, 2, 3, 4]);
        // As Caddy stores it: the leaf, then the chain up to (not including) the root.
        var pem = leaf.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n";

        var state = CertificateFacts.FromPem("shop.example.com", pem, "/data/proxy/certificates/acme/shop.example.com/shop.example.com.crt");

        Assert.Equal(new CertificateState("shop.example.com", "WebOps Test Intermediate", Expiry, null), state);
    }

    [Fact]
    public void A_damaged_file_gives_an_error_naming_the_file_and_the_way_out()
    {
        var state = CertificateFacts.FromPem("shop.example.com", "not a certificate", "/data/proxy/certificates/acme/shop.example.com/shop.example.com.crt");

        Assert.Null(state.Issuer);
        Assert.Null(state.NotAfter);
        Assert.StartsWith(
            "the certificate file '/data/proxy/certificates/acme/shop.example.com/shop.example.com.crt' could not be read (",
            state.Error,
            StringComparison.Ordinal);
        Assert.EndsWith("); Caddy gets a new one when it is deleted", state.Error, StringComparison.Ordinal);
    }
}

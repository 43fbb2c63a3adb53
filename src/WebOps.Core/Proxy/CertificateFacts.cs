using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WebOps.Core.Proxy;

/// <summary>The facts the panel shows of a certificate file Caddy keeps (PEM, the leaf first, then its chain).</summary>
public static class CertificateFacts
{
    /// <summary>
    /// The leaf's issuer (its common name, as browsers show it) and expiry; an unreadable file gives an error that
    /// names it, so a damaged store shows up on the page rather than as a missing certificate.
    /// </summary>
    public static CertificateState FromPem(string domain, string pem, string source)
    {
        try
        {
            using var leaf = X509Certificate2.CreateFromPem(pem);
            return new CertificateState(domain, IssuerName(leaf), new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero), null);
        }
        catch (CryptographicException e)
        {
            return new CertificateState(domain, null, null, $"the certificate file '{source}' could not be read ({e.Message}); Caddy gets a new one when it is deleted");
        }
    }

    private static string IssuerName(X509Certificate2 certificate)
    {
        var simple = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: true);
        return string.IsNullOrWhiteSpace(simple) ? certificate.Issuer : simple;
    }
}

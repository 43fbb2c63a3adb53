using WebOps.Core.Proxy;

namespace WebOps.Api;

/// <summary>One name's certificate at the edge: issuer and expiry, or the error Caddy met getting it; all unset while pending.</summary>
public sealed record CertificateDto(string Domain, string? Issuer, DateTimeOffset? NotAfter, string? Error)
{
    public static CertificateDto From(CertificateState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new CertificateDto(s.Domain, s.Issuer, s.NotAfter, s.Error);
    }
}

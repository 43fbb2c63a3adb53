namespace WebOps.Core.Proxy;

/// <summary>
/// One name's certificate as the edge holds it: who signed it and until when, or why Caddy could not get one.
/// All three unset means Caddy has not finished (or not started) asking for it.
/// </summary>
public sealed record CertificateState(string Domain, string? Issuer, DateTimeOffset? NotAfter, string? Error)
{
    public static CertificateState Pending(string domain) => new(domain, null, null, null);
}

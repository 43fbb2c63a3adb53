namespace WebOps.Core.Proxy;

/// <summary>The ACME server Caddy asks for certificates (configuration section <c>Proxy:Acme</c>).</summary>
public sealed class AcmeOptions
{
    public const string LetsEncryptProduction = "https://acme-v02.api.letsencrypt.org/directory";

    public string DirectoryUrl { get; set; } = LetsEncryptProduction;

    /// <summary>The account's contact address; the ACME server mails expiry warnings there. Optional.</summary>
    public string? Email { get; set; }

    /// <summary>A PEM file of roots to trust for the ACME server itself (a private or test ACME server). Optional.</summary>
    public string? TrustedRootsPem { get; set; }
}

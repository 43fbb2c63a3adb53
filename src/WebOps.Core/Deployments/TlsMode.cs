namespace WebOps.Core.Deployments;

/// <summary>How the edge proxy serves a deployment's domains.</summary>
public enum TlsMode
{
    /// <summary>HTTPS with a certificate Caddy obtains (ACME, or its internal CA for local names); HTTP redirects to HTTPS.</summary>
    Auto,

    /// <summary>Plain HTTP only, no certificate.</summary>
    Off,
}

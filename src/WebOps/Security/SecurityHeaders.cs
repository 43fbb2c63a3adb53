namespace WebOps.Security;

/// <summary>The headers every panel response carries, pages, API and static files alike.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from the panel's own files: the pages have no inline script, style attribute or event
    /// handler, so an injected one does not run. Icons are inline SVG markup, not images; <c>data:</c> images are
    /// allowed for pictures a page may build. Fetches and the live event stream fall under <c>default-src 'self'</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>A year; sent over HTTPS only, since a browser ignores it over HTTP and it must not pin a plain-HTTP panel.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>The headers, in order, for a request that came over HTTPS or not.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(bool https)
    {
        List<KeyValuePair<string, string>> headers =
        [
            new("Content-Security-Policy", ContentSecurityPolicy),
            new("Referrer-Policy", "same-origin"),
            new("X-Content-Type-Options", "nosniff"),
            new("X-Frame-Options", "DENY"),
        ];
        if (https)
        {
            headers.Add(new("Strict-Transport-Security", StrictTransportSecurity));
        }

        return headers;
    }
}

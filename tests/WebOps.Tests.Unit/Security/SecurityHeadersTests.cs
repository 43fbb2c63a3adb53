using WebOps.Security;

namespace WebOps.Tests.Unit.Security;

public sealed class SecurityHeadersTests
{
    [Fact]
    public void Plain_http_gets_the_policy_and_framing_headers_but_no_hsts()
    {
        Assert.Equal(
            [
                new("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"),
                new("Referrer-Policy", "same-origin"),
                new("X-Content-Type-Options", "nosniff"),
                new("X-Frame-Options", "DENY"),
            ],
            SecurityHeaders.For(https: false));
    }

    [Fact]
    public void Https_adds_strict_transport_security()
    {
        var headers = SecurityHeaders.For(https: true);

        Assert.Equal(5, headers.Count);
        Assert.Equal(new KeyValuePair<string, string>("Strict-Transport-Security", "max-age=31536000"), headers[^1]);
    }
}

using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyObtainFailuresTests
{
    // Caddy 2.6's lines (certmagic's "tls.obtain" logger), shortened only in their error texts.
    private const string BlockedFirst =
        """{"level":"error","ts":1764590000.5,"logger":"tls.obtain","msg":"could not get certificate from issuer","identifier":"shop.example.com","issuer":"acme.example-dir","error":"HTTP 400 urn:ietf:params:acme:error:rateLimited - too many orders"}""";

    private const string BlockedLater =
        """{"level":"error","ts":1764590060.5,"logger":"tls.obtain","msg":"could not get certificate from issuer","identifier":"shop.example.com","issuer":"acme.example-dir","error":"HTTP 400 urn:ietf:params:acme:error:rejectedIdentifier - Cannot issue for \"shop.example.com\": Domain name is blocked"}""";

    private const string WillRetry =
        """{"level":"error","ts":1764590060.6,"logger":"tls.obtain","msg":"will retry","error":"[shop.example.com] Obtain: [shop.example.com] creating new order: attempt 1","attempt":1,"retrying_in":60}""";

    private const string BlogFailed =
        """{"level":"error","ts":1764590001.5,"logger":"tls.obtain","msg":"could not get certificate from issuer","identifier":"blog.example.com","issuer":"acme.example-dir","error":"dial tcp 127.0.0.1:14000: connect: connection refused"}""";

    private const string BlogObtained =
        """{"level":"info","ts":1764590070.1,"logger":"tls.obtain","msg":"certificate obtained successfully","identifier":"blog.example.com"}""";

    [Fact]
    public void Each_name_keeps_its_newest_failure_and_a_later_success_clears_it()
    {
        var failures = CaddyObtainFailures.Parse(
        [
            "2026/12/01 16:00:00.000\tINFO\tusing provided configuration",
            """{"level":"info","ts":1764590000.1,"logger":"tls.obtain","msg":"acquiring lock","identifier":"shop.example.com"}""",
            BlockedFirst, BlogFailed, "{\"level\":\"error\",\"trunc", BlockedLater, WillRetry, BlogObtained, "",
        ]);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["shop.example.com"] = "HTTP 400 urn:ietf:params:acme:error:rejectedIdentifier - Cannot issue for \"shop.example.com\": Domain name is blocked",
            },
            failures);
    }
}

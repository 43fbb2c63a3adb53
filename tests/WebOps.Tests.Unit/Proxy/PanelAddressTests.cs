using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class PanelAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000", "127.0.0.1:8000")]
    [InlineData("http://localhost:5000/", "127.0.0.1:5000")]
    [InlineData("http://0.0.0.0:8000", "127.0.0.1:8000")]
    [InlineData("http://[::]:8000", "127.0.0.1:8000")]
    [InlineData("http://+:8000", "127.0.0.1:8000")]
    [InlineData("http://[::1]:8001", "[::1]:8001")]
    [InlineData("http://127.0.0.5:8002", "127.0.0.5:8002")]
    public void A_loopback_or_any_address_becomes_what_caddy_dials(string url, string expected) =>
        Assert.Equal(expected, PanelAddress.Loopback([url]));

    [Fact]
    public void Https_public_and_malformed_addresses_are_passed_over_for_the_first_loopback_one() =>
        Assert.Equal("127.0.0.1:8003", PanelAddress.Loopback(
            ["https://127.0.0.1:8443", "http://192.0.2.10:8000", "http://127.0.0.1", "http://127.0.0.1:0x1", "http://127.0.0.1:8003", "http://127.0.0.1:8004"]));

    [Fact]
    public void No_loopback_http_address_gives_none() =>
        Assert.Null(PanelAddress.Loopback(["https://127.0.0.1:8443", "http://192.0.2.10:8000"]));
}

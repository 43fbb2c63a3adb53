using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class SlotPortsTests
{
    [Theory]
    [InlineData(49160, 49161, 49160, "a", "127.0.0.1:49160", "/blog/49160")]
    [InlineData(49161, 49160, 49160, "b", "[::ffff:127.0.0.1]:49161", "/blog/49160")]
    public void A_port_belongs_to_one_pair_and_one_slot(int port, int partner, int pairBase, string slot, string dial, string health)
    {
        Assert.Equal(partner, SlotPorts.Partner(port));
        Assert.Equal(pairBase, SlotPorts.PairBase(port));
        Assert.Equal(slot, SlotPorts.Slot(port));
        Assert.Equal(dial, SlotPorts.Dial(port));
        Assert.Equal(health, SlotPorts.HealthPath("blog", port));
    }

    [Theory]
    [InlineData("127.0.0.1:3000", "a")]
    [InlineData("127.0.0.1", "a")]
    [InlineData("[::ffff:127.0.0.1]:3000", "b")]
    [InlineData("::ffff:127.0.0.1", "b")]
    [InlineData("[::1]:3000", null)]
    [InlineData("localhost:3000", null)]
    public void A_health_check_names_its_slot_by_the_host_it_asks_for(string host, string? slot) =>
        Assert.Equal(slot, SlotPorts.SlotOfHost(host));

    [Fact]
    public void Each_route_asks_for_the_pairs_file_with_its_own_name_as_a_query() =>
        Assert.Equal("/blog/49160?route=www.blog.test", SlotPorts.HealthUri("blog", 49161, "www.blog.test"));

    [Fact]
    public void The_health_port_is_the_admin_port_plus_one_unless_set()
    {
        Assert.Equal(3000, new ProxyOptions { AdminAddress = "127.0.0.1:2999" }.HealthPort());
        Assert.Equal(4000, new ProxyOptions { AdminAddress = "127.0.0.1:2999", SlotHealthPort = 4000 }.HealthPort());
        var e = Assert.Throws<InvalidOperationException>(() => new ProxyOptions { AdminAddress = "unix//run/caddy.sock" }.HealthPort());
        Assert.Contains("Proxy:SlotHealthPort", e.Message, StringComparison.Ordinal);
    }
}

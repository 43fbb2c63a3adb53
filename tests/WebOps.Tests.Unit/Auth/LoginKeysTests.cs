using System.Net;
using WebOps.Auth;

namespace WebOps.Tests.Unit.Auth;

public sealed class LoginKeysTests
{
    [Theory]
    [InlineData("admin", "user:ADMIN")]
    [InlineData("  Admin ", "user:ADMIN")]
    [InlineData("ärger", "user:ÄRGER")]
    public void Usernames_are_counted_without_regard_to_case_or_surrounding_spaces(string typed, string key)
    {
        Assert.Equal(key, LoginKeys.UsernameKey(typed));
    }

    [Fact]
    public void A_username_longer_than_any_account_can_have_is_cut_so_memory_stays_bounded()
    {
        Assert.Equal("user:" + new string('A', 65), LoginKeys.UsernameKey(new string('a', 100_000)));
    }

    [Theory]
    [InlineData("203.0.113.7", "address:203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "address:203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "address:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "address:2001:db8:1:2::/64")]
    [InlineData("::1", "address:::/64")]
    public void Addresses_are_counted_per_IPv4_address_and_per_IPv6_64_block(string address, string key)
    {
        Assert.Equal(key, LoginKeys.AddressKey(IPAddress.Parse(address)));
    }

    [Fact]
    public void Without_an_address_there_is_only_the_username_key()
    {
        Assert.Equal(new LoginKeys("user:ADMIN", null), LoginKeys.For("admin", null));
    }
}

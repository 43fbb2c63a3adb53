using System.Net;
using System.Net.Sockets;

namespace WebOps.Auth;

/// <summary>What failed logins are counted against: the username as typed (any case) and the client address.</summary>
public sealed record LoginKeys(string Username, string? Address)
{
    /// <summary>Usernames are at most 64 characters; longer text names no account, so it need not be kept whole.</summary>
    private const int MaxUsernameLength = 65;

    /// <summary>
    /// Without an address (a Unix socket) only the username counts: one shared key would let anyone lock everyone out.
    /// </summary>
    public static LoginKeys For(string username, IPAddress? address) =>
        new(UsernameKey(username), address is null ? null : AddressKey(address));

    public static string UsernameKey(string username)
    {
        var normal = username.Trim().ToUpperInvariant();
        return "user:" + (normal.Length > MaxUsernameLength ? normal[..MaxUsernameLength] : normal);
    }

    /// <summary>
    /// IPv4 (also when carried as IPv4-mapped IPv6) by the whole address; IPv6 by its /64, the block one
    /// household or server usually holds, so stepping through its addresses does not reset the count.
    /// </summary>
    public static string AddressKey(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "address:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return "address:" + new IPAddress(bytes) + "/64";
    }
}

using System.Security.Cryptography;
using System.Text;

namespace WebOps.Webhooks;

/// <summary>
/// Whether a delivery carries the hook's secret, the way its provider signs. Every comparison takes the same time
/// however much of a guess matches: HMACs are compared with <see cref="CryptographicOperations.FixedTimeEquals"/>,
/// and plain tokens through their SHA-256 so even their length does not show.
/// </summary>
public static class HookSignature
{
    private const string GitHubPrefix = "sha256=";

    public static bool Verify(HookProvider provider, string secret, HookHeaders headers, ReadOnlySpan<byte> body) => provider switch
    {
        HookProvider.GitHub => HmacMatches(secret, body, headers.GitHubSignature is { } s && s.StartsWith(GitHubPrefix, StringComparison.OrdinalIgnoreCase) ? s[GitHubPrefix.Length..] : null),
        HookProvider.Gitea => HmacMatches(secret, body, headers.GiteaSignature),
        HookProvider.GitLab => TokenMatches(secret, headers.GitLabToken),
        HookProvider.Generic => TokenMatches(secret, headers.BearerToken),
        _ => false,
    };

    /// <summary>The lowercase hex HMAC-SHA256 of <paramref name="body"/> with <paramref name="secret"/>, as GitHub and Gitea send it.</summary>
    public static string Hmac(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool HmacMatches(string secret, ReadOnlySpan<byte> body, string? hex)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var given = new byte[expected.Length];
        var wellFormed = hex is { Length: 64 } && Convert.FromHexString(hex, given, out _, out _) == System.Buffers.OperationStatus.Done;
        return CryptographicOperations.FixedTimeEquals(expected, given) && wellFormed;
    }

    private static bool TokenMatches(string secret, string? given) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(secret)),
            SHA256.HashData(Encoding.UTF8.GetBytes(given ?? ""))) && given is not null;
}

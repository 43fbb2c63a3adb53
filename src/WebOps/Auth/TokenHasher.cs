using System.Security.Cryptography;
using System.Text;

namespace WebOps.Auth;

public static class TokenHasher
{
    /// <summary>Lowercase hex SHA-256; tokens carry 256 random bits, so a fast hash is enough.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Whether <paramref name="token"/> is the one <paramref name="storedHash"/> was made from, in time that does not
    /// depend on where the two first differ.
    /// </summary>
    public static bool Matches(string token, string storedHash) => SameHash(Hash(token), storedHash);

    /// <summary>Exact, constant-time comparison of two hashes as stored (lowercase hex).</summary>
    public static bool SameHash(string hash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(storedHash));

    public static string NewToken() =>
        "wo_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewPassword() => Base64UrlEncode(RandomNumberGenerator.GetBytes(18));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

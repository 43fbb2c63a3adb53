using System.Security.Cryptography;
using System.Text;

namespace WebOps.Auth.TwoFactor;

/// <summary>
/// One-time recovery codes: 16 characters of Crockford's base32 (80 random bits) shown as four groups of four, e.g.
/// <c>7k2m-q9xd-4hwa-0c3e</c>. With 80 random bits a fast hash is enough to store them, as for API tokens.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    private const int Length = 16;

    private const int GroupLength = 4;

    /// <summary>Digits and lowercase letters without i, l, o and u: nothing to misread when copied from paper.</summary>
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static IReadOnlyList<string> Generate() => [.. Enumerable.Range(0, Count).Select(_ => NewCode())];

    /// <summary>
    /// The code as stored and compared: lowercase, without dashes and spaces, with the letters people mistake for
    /// digits read as those digits. Null when it cannot be a recovery code.
    /// </summary>
    public static string? Normalize(string input)
    {
        var text = new StringBuilder(Length);
        foreach (var c in input.Trim().ToLowerInvariant())
        {
            var mapped = c switch { 'i' or 'l' => '1', 'o' => '0', _ => c };
            if (mapped is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(mapped, StringComparison.Ordinal) || text.Length == Length)
            {
                return null;
            }

            text.Append(mapped);
        }

        return text.Length == Length ? text.ToString() : null;
    }

    /// <summary>The stored form: lowercase hex SHA-256 of the normalised code, or null when it is not a recovery code.</summary>
    public static string? Hash(string input) => Normalize(input) is { } code ? TokenHasher.Hash(code) : null;

    private static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Join('-', chars.Chunk(GroupLength).Select(g => new string(g)));
    }
}

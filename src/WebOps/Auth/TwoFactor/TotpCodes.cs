using System.Security.Cryptography;
using OtpNet;

namespace WebOps.Auth.TwoFactor;

/// <summary>
/// Time-based one-time codes as authenticator apps make them (RFC 6238: SHA-1, 6 digits, 30-second steps), and the
/// rule for accepting one.
/// </summary>
public static class TotpCodes
{
    public const int Digits = 6;

    public const int StepSeconds = 30;

    /// <summary>160 bits, the size RFC 4226 recommends and every authenticator app reads.</summary>
    public const int SecretBytes = 20;

    /// <summary>
    /// One step either side of now: a phone clock a little off, or a code typed just as it changed, still works.
    /// </summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret as authenticator apps take it when typed in: base32, upper case, no padding.</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public static byte[] FromBase32(string base32) => Base32Encoding.ToBytes(base32);

    /// <summary>The <c>otpauth://</c> link the QR code carries: the account shows as "WebOps (username)" in the app.</summary>
    public static string Uri(string username, byte[] secret) =>
        new OtpUri(OtpType.Totp, ToBase32(secret), username, "WebOps").ToString();

    /// <summary>Whether <paramref name="input"/> looks like a code (digits, spaces allowed) rather than a recovery code.</summary>
    public static bool LooksLikeCode(string input) => Normalize(input) is { Length: Digits } n && n.All(char.IsAsciiDigit);

    /// <summary>
    /// Checks <paramref name="input"/> at <paramref name="now"/>. A code is good for its own step and one step either
    /// side, and only once: a step at or before <paramref name="lastAcceptedStep"/> is refused as reused, so a code
    /// seen over a shoulder or in a log cannot be replayed while it is still in the window.
    /// </summary>
    public static TotpCheck Verify(byte[] secret, string input, DateTimeOffset now, long? lastAcceptedStep)
    {
        var code = Normalize(input);
        if (!LooksLikeCode(code))
        {
            return TotpCheck.Wrong;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        if (!totp.VerifyTotp(now.UtcDateTime, code, out var step, Window))
        {
            return TotpCheck.Wrong;
        }

        return step <= lastAcceptedStep ? TotpCheck.Reused(step) : TotpCheck.Accepted(step);
    }

    /// <summary>Apps often show the code as "123 456"; the spaces are not part of it.</summary>
    private static string Normalize(string input) => input.Replace(" ", "", StringComparison.Ordinal).Trim();
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace WebOps.Auth.TwoFactor;

/// <summary>
/// Carries a right password over to the code step: a cookie encrypted and time-limited with Data Protection, so it
/// cannot be forged, read or stretched, and nothing is kept on the server. It only lets its holder try codes (under
/// the login throttle); it never signs anyone in by itself.
/// </summary>
public sealed class PendingLogins(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "webops_login_pending";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("WebOps.Login.Pending.v1").ToTimeLimitedDataProtector();

    public void Issue(HttpContext http, PendingLogin login)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{login.UserId}\n{login.Username}");
        http.Response.Cookies.Append(CookieName, protector.Protect(text, clock.GetUtcNow() + Lifetime), Options(http, Lifetime));
    }

    /// <summary>The pending login, or null when there is none, it has expired, or the cookie was tampered with.</summary>
    public PendingLogin? Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        string text;
        try
        {
            text = protector.Unprotect(cookie, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = text.Split('\n', 2);
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new PendingLogin(id, parts[1])
            : null;
    }

    public void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, Options(http, maxAge: null));

    /// <summary>Sent to the login pages only, never to scripts, never from another site.</summary>
    private static CookieOptions Options(HttpContext http, TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/login",
        MaxAge = maxAge,
        IsEssential = true,
    };
}

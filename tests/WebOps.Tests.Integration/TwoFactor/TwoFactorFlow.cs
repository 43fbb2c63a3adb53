using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary>
/// The account page and the two login steps, driven over HTTP like a browser: each form is fetched first so its post
/// carries the antiforgery token, and codes are computed from the secret the page shows, as an authenticator app would.
/// </summary>
internal static partial class TwoFactorFlow
{
    public const string WrongCodeMessage = "Wrong code. Enter the 6-digit code your authenticator app shows for WebOps now";

    public const string ThrottledMessage = "Too many failed logins for this account or address; try again in";

    /// <summary>Keeps cookies like a browser, follows no redirects.</summary>
    public static HttpClient CookieClient(PanelApp panel) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = panel.BaseAddress };

    /// <summary>Sets up two-factor login for the signed-in client: start, read the secret off the page, confirm.</summary>
    public static async Task<Enrolled> EnrolAsync(HttpClient client)
    {
        var account = await FormPage.LoadAsync(client, "/account");
        using var begun = await account.PostAsync(client, [], handlerUrl: "/account?handler=Enrol");
        Assert.Equal(HttpStatusCode.Redirect, begun.StatusCode);

        account = await FormPage.LoadAsync(client, "/account");
        var secret = SecretPattern().Match(account.Html);
        Assert.True(secret.Success, "the account page shows no secret after set-up started:\n" + account.Html);
        Assert.Matches("data-testid=\"qr-code\"><svg [^>]*viewBox", account.Html);
        Assert.Contains("otpauth://totp/WebOps:" + PanelApp.AdminUser + "?secret=" + secret.Groups[1].Value, account.Html, StringComparison.Ordinal);

        var code = Code(secret.Groups[1].Value);
        using var confirmed = await account.PostAsync(client, new() { ["Code"] = code }, handlerUrl: "/account?handler=Confirm");
        var html = await confirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True(confirmed.Headers.CacheControl?.NoStore, "the page with the recovery codes may be cached");
        var codes = RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count == 10, "expected ten recovery codes on the confirmation page:\n" + html);
        return new Enrolled(secret.Groups[1].Value, codes, code);
    }

    /// <summary>
    /// The code an app shows at now + <paramref name="ahead"/>. A code one step ahead is still inside the window and
    /// belongs to a step after the one that confirmed set-up, so it is not refused as reused.
    /// </summary>
    public static string Code(string secret, TimeSpan ahead = default) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow + ahead);

    public static string NextCode(string secret) => Code(secret, TimeSpan.FromSeconds(30));

    /// <summary>Six digits that are none of the codes the window accepts around now.</summary>
    public static string WrongCode(string secret)
    {
        string[] right = [Code(secret, TimeSpan.FromSeconds(-60)), Code(secret, TimeSpan.FromSeconds(-30)), Code(secret), Code(secret, TimeSpan.FromSeconds(30)), Code(secret, TimeSpan.FromSeconds(60))];
        return Enumerable.Range(0, 6).Select(i => new string((char)('0' + i), 6)).First(c => !right.Contains(c));
    }

    public static async Task<HttpResponseMessage> PasswordAsync(HttpClient client, string password = PanelApp.AdminPassword)
    {
        var login = await FormPage.LoadAsync(client, "/login");
        return await login.PostAsync(client, new() { ["Username"] = PanelApp.AdminUser, ["Password"] = password });
    }

    public static async Task<HttpResponseMessage> CodeAsync(HttpClient client, string code)
    {
        var step = await FormPage.LoadAsync(client, "/login/code");
        return await step.PostAsync(client, new() { ["Code"] = code });
    }

    /// <summary>Whether the client is signed in: the dashboard answers instead of sending it to the login form.</summary>
    public static async Task<bool> SignedInAsync(HttpClient client)
    {
        using var dashboard = await client.GetAsync("/");
        return dashboard.StatusCode == HttpStatusCode.OK;
    }

    [GeneratedRegex("data-testid=\"totp-secret\">([A-Z2-7]{32})<")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li>([0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4})</li>")]
    private static partial Regex RecoveryCodePattern();
}

using System.Net;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Security;

/// <summary>
/// Behind the edge every request comes from loopback: the login throttle must count the client the edge names in
/// X-Forwarded-For, or one attacker would lock every user out (and none would be slowed alone).
/// </summary>
public sealed class ForwardedClientTests
{
    [Fact]
    public async Task Failed_logins_are_counted_per_forwarded_client_address_not_per_proxy()
    {
        await using var panel = await PanelApp.StartAsync();
        using var attacker = Browser(panel, "203.0.113.5");
        var login = await FormPage.LoadAsync(attacker, "/login");
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await login.PostAsync(attacker, Credentials($"nobody-{i}", "wrong"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        // A sixth name from the same client is refused: its address is throttled, whatever the name.
        using (var again = await login.PostAsync(attacker, Credentials("nobody-6", "wrong")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        }

        // Another client behind the same proxy is not: it logs in.
        using var user = Browser(panel, "203.0.113.6");
        var userLogin = await FormPage.LoadAsync(user, "/login");
        using var ok = await userLogin.PostAsync(user, Credentials(PanelApp.AdminUser, PanelApp.AdminPassword));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    /// <summary>Keeps the antiforgery cookie like a browser, follows no redirects, and comes "through the edge" for <paramref name="client"/>.</summary>
    private static HttpClient Browser(PanelApp panel, string client)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = panel.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        return http;
    }

    private static Dictionary<string, string> Credentials(string username, string password) =>
        new() { ["Username"] = username, ["Password"] = password };
}

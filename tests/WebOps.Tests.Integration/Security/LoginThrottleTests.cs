using System.Globalization;
using System.Net;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Security;

/// <summary>Failed logins through the real login form: five are checked, then the form answers 429 until the window ends.</summary>
public sealed class LoginThrottleTests
{
    private const string Throttled = "Too many failed logins for this account or address; try again in";

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_with_429_retry_after_and_the_reason()
    {
        await using var panel = await PanelApp.StartAsync();
        using var client = Browser(panel);
        var login = await FormPage.LoadAsync(client, "/login");
        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await login.PostAsync(client, Credentials($"wrong-{i}"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Wrong username or password. Try again.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var sixth = await login.PostAsync(client, Credentials(PanelApp.AdminPassword));

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = int.Parse(Assert.Single(sixth.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 15 * 60);
        Assert.Contains(Throttled + " 15 minutes.", await sixth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(sixth.Headers.Location);
        using var empty = await login.PostAsync(client, Credentials(""));
        Assert.Equal(HttpStatusCode.TooManyRequests, empty.StatusCode);
    }

    [Fact]
    public async Task When_the_window_has_passed_the_right_password_logs_in_again()
    {
        await using var panel = await PanelApp.StartAsync("--Login:Window=00:00:02");
        var throttled = await ThrottleAsync(panel);
        using var client = throttled.Client;
        var login = throttled.Login;

        // Refused tries are not counted, so asking again and again does not push the end of the window out.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        HttpStatusCode last;
        do
        {
            await Task.Delay(250);
            using var again = await login.PostAsync(client, Credentials(PanelApp.AdminPassword));
            last = again.StatusCode;
        }
        while (last == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Redirect, last);
    }

    /// <summary>
    /// Five wrong passwords, then the right one, until the right one is refused. A busy machine may take longer than a
    /// short window for the five; then the window has restarted and another round is needed (at most a few), from a
    /// fresh client since the last one is logged in.
    /// </summary>
    private static async Task<(HttpClient Client, FormPage Login)> ThrottleAsync(PanelApp panel)
    {
        for (var round = 0; round < 5; round++)
        {
            var client = Browser(panel);
            var login = await FormPage.LoadAsync(client, "/login");
            for (var i = 1; i <= 5; i++)
            {
                using var wrong = await login.PostAsync(client, Credentials($"wrong-{i}"));
                Assert.True(wrong.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"a wrong password answered {(int)wrong.StatusCode}");
            }

            using var right = await login.PostAsync(client, Credentials(PanelApp.AdminPassword));
            if (right.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (client, login);
            }

            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            client.Dispose();
        }

        Assert.Fail("Five wrong passwords never led to a 429 in five rounds.");
        return default;
    }

    /// <summary>Keeps the antiforgery cookie like a browser, follows no redirects.</summary>
    private static HttpClient Browser(PanelApp panel) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = panel.BaseAddress };

    private static Dictionary<string, string> Credentials(string password) =>
        new() { ["Username"] = PanelApp.AdminUser, ["Password"] = password };
}

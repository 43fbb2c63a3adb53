using System.Net;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.TwoFactor.TwoFactorFlow;

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary>Two-factor login through the real account page and login forms over HTTP.</summary>
public sealed class TwoFactorLoginTests
{
    [Fact]
    public async Task After_set_up_the_password_alone_does_not_sign_in_and_a_current_code_does()
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var enrolled = await EnrolAsync(owner);
        using var client = CookieClient(panel);

        using var password = await PasswordAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/login/code", password.Headers.Location?.OriginalString);
        Assert.False(await SignedInAsync(client), "the right password alone signed in");

        using var code = await CodeAsync(client, NextCode(enrolled.Secret));

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location?.OriginalString);
        Assert.True(await SignedInAsync(client));

        // API tokens stand on their own: no code is asked of them.
        using var api = await panel.WithTokenAsync();
        using var deployments = await api.GetAsync("/api/deployments");
        Assert.Equal(HttpStatusCode.OK, deployments.StatusCode);
    }

    [Fact]
    public async Task The_code_that_confirmed_set_up_cannot_be_used_again_to_log_in()
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var enrolled = await EnrolAsync(owner);
        using var client = CookieClient(panel);
        using var password = await PasswordAsync(client);

        using var reused = await CodeAsync(client, enrolled.ConfirmedWith);

        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("That code was used already.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task Five_wrong_codes_are_refused_with_the_reason_then_even_the_right_code_and_password_get_429()
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var enrolled = await EnrolAsync(owner);
        using var client = CookieClient(panel);
        using var password = await PasswordAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);

        for (var i = 1; i <= 5; i++)
        {
            using var wrong = await CodeAsync(client, WrongCode(enrolled.Secret));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(WrongCodeMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var right = await CodeAsync(client, NextCode(enrolled.Secret));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains(ThrottledMessage + " 15 minutes.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(right.Headers.RetryAfter);
        Assert.False(await SignedInAsync(client));

        // Typing the password again does not start the count over.
        using var again = await PasswordAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once_and_the_next_one_still_works()
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var enrolled = await EnrolAsync(owner);

        using (var first = CookieClient(panel))
        {
            using var password = await PasswordAsync(first);
            using var recovery = await CodeAsync(first, enrolled.RecoveryCodes[0]);
            Assert.Equal(HttpStatusCode.Redirect, recovery.StatusCode);
            var dashboard = await first.GetStringAsync("/");
            Assert.Contains("Logged in with a recovery code; it cannot be used again. 9 left", dashboard, StringComparison.Ordinal);
        }

        using var second = CookieClient(panel);
        using var secondPassword = await PasswordAsync(second);
        using var usedAgain = await CodeAsync(second, enrolled.RecoveryCodes[0]);
        Assert.Equal(HttpStatusCode.OK, usedAgain.StatusCode);
        Assert.Contains(WrongCodeMessage, await usedAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await SignedInAsync(second));

        using var another = await CodeAsync(second, enrolled.RecoveryCodes[1].ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        Assert.True(await SignedInAsync(second));
    }

    [Fact]
    public async Task The_code_step_without_a_right_password_first_asks_for_the_password_and_signs_no_one_in()
    {
        await using var panel = await PanelApp.StartAsync();
        using var client = panel.Anonymous();

        using var direct = await client.GetAsync("/login/code");
        var directPage = await direct.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login/code");
        request.Headers.Add("Cookie", "webops_login_pending=forged");
        using var forged = await client.SendAsync(request);
        var forgedPage = await forged.Content.ReadAsStringAsync();

        foreach (var page in new[] { directPage, forgedPage })
        {
            Assert.Contains("No login is waiting for a code here", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"log-in-again\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"Code\"", page, StringComparison.Ordinal);
        }

        Assert.False(await SignedInAsync(client));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Turning_off_needs_a_current_code_or_the_password_and_then_the_password_alone_logs_in(bool withCode)
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var enrolled = await EnrolAsync(owner);
        var account = await FormPage.LoadAsync(owner, "/account");

        using var wrong = await account.PostAsync(owner, new() { ["CodeOrPassword"] = "not-the-password" }, handlerUrl: "/account?handler=Disable");
        Assert.Contains("Wrong code or password. Try again. Two-factor login stays on.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var stillOn = CookieClient(panel))
        {
            using var password = await PasswordAsync(stillOn);
            Assert.Equal("/login/code", password.Headers.Location?.OriginalString);
        }

        var proof = withCode ? NextCode(enrolled.Secret) : PanelApp.AdminPassword;
        using var off = await account.PostAsync(owner, new() { ["CodeOrPassword"] = proof }, handlerUrl: "/account?handler=Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Off. With two-factor login", await owner.GetStringAsync("/account"), StringComparison.Ordinal);

        using var client = CookieClient(panel);
        using var login = await PasswordAsync(client);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.True(await SignedInAsync(client));
    }
}

using System.Net;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.TwoFactor.TwoFactorFlow;

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary>Changing the password on the account page.</summary>
public sealed class AccountPasswordTests
{
    [Fact]
    public async Task The_current_password_is_required_and_then_only_the_new_one_logs_in()
    {
        await using var panel = await PanelApp.StartAsync();
        using var owner = await panel.LoggedInAsync();
        var account = await FormPage.LoadAsync(owner, "/account");

        using var wrong = await account.PostAsync(owner, new() { ["CurrentPassword"] = "wrong-password", ["NewPassword"] = "a-new-long-one" }, handlerUrl: "/account?handler=Password");
        Assert.Contains("Wrong current password. Try again.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var tooShort = await account.PostAsync(owner, new() { ["CurrentPassword"] = PanelApp.AdminPassword, ["NewPassword"] = "short" }, handlerUrl: "/account?handler=Password");
        Assert.Contains("new_password: use at least 8 characters.", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var changed = await account.PostAsync(owner, new() { ["CurrentPassword"] = PanelApp.AdminPassword, ["NewPassword"] = "a-new-long-one" }, handlerUrl: "/account?handler=Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var first = CookieClient(panel);
        using var old = await PasswordAsync(first);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var second = CookieClient(panel);
        using var fresh = await PasswordAsync(second, "a-new-long-one");
        Assert.Equal("/", fresh.Headers.Location?.OriginalString);
    }
}

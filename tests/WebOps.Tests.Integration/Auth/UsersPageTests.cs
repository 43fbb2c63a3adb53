using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Accounts;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Auth;

/// <summary>The users page, used by an admin through its forms (antiforgery and all), and what its changes do at once.</summary>
public sealed partial class UsersPageTests : IAsyncLifetime
{
    private RolePanel panel = null!;

    public async Task InitializeAsync() => panel = await RolePanel.StartAsync();

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public async Task A_created_user_gets_a_password_shown_once_and_logs_in_with_the_role_given()
    {
        var admin = panel[Caller.AdminCookie];
        var users = await FormPage.LoadAsync(admin, "/users");
        var created = await users.PostAsync(admin, new() { ["NewUsername"] = "carol", ["NewRole"] = "deployer" }, handlerUrl: "/users?handler=Create");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var password = GeneratedPassword().Match(html).Groups[1].Value;
        Assert.True(password.Length >= 16, html);
        Assert.DoesNotContain(password, await admin.GetStringAsync("/users"), StringComparison.Ordinal);

        using var carol = await panel.LogInAsync("carol", password);
        Assert.Equal(HttpStatusCode.OK, (await carol.GetAsync("/deployments/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.GetAsync("/users")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_and_a_deletion_count_from_the_users_next_request()
    {
        using var dave = await CreateAndLogInAsync("dave", "viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await dave.PostAsync("/api/deployments/no-such-thing/deploy", null)).StatusCode);

        await PostAsync("Role", new() { ["username"] = "dave", ["role"] = "deployer" });
        Assert.Equal(HttpStatusCode.NotFound, (await dave.PostAsync("/api/deployments/no-such-thing/deploy", null)).StatusCode);

        await PostAsync("Delete", new() { ["username"] = "dave" });
        var after = await dave.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/login?", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_deleted()
    {
        // The panel made its first user, 'admin', at start-up; with it gone the test's user is the only admin left.
        Assert.Contains("Deleted user &#x27;admin&#x27;.", await PostAsync("Delete", new() { ["username"] = "admin" }), StringComparison.Ordinal);
        var demoted = await PostAsync("Role", new() { ["username"] = PanelApp.AdminUser, ["role"] = "viewer" });
        Assert.Contains(
            $"Cannot make &#x27;{PanelApp.AdminUser}&#x27; a viewer: &#x27;{PanelApp.AdminUser}&#x27; is the last admin, and the panel needs one. Make another user admin first.",
            demoted,
            StringComparison.Ordinal);

        var deleted = await PostAsync("Delete", new() { ["username"] = PanelApp.AdminUser });
        Assert.Contains($"Cannot delete &#x27;{PanelApp.AdminUser}&#x27;: &#x27;{PanelApp.AdminUser}&#x27; is the last admin", deleted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await panel[Caller.AdminCookie].GetAsync("/users")).StatusCode);

        // With a second admin, the first may step down, and is no admin from the next request on.
        await PostAsync("Role", new() { ["username"] = "deployer", ["role"] = "admin" });
        var admin = panel[Caller.AdminCookie];
        var users = await FormPage.LoadAsync(admin, "/users");
        var stepped = await users.PostAsync(admin, new() { ["username"] = PanelApp.AdminUser, ["role"] = "deployer" }, handlerUrl: "/users?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, stepped.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/users")).StatusCode);
        Assert.Equal(Role.Deployer, await panel.WithDbAsync(db => db.Users.Where(u => u.Username == PanelApp.AdminUser).Select(u => u.Role).SingleAsync()));
    }

    private async Task<HttpClient> CreateAndLogInAsync(string username, string role)
    {
        var admin = panel[Caller.AdminCookie];
        var users = await FormPage.LoadAsync(admin, "/users");
        var created = await users.PostAsync(admin, new() { ["NewUsername"] = username, ["NewRole"] = role }, handlerUrl: "/users?handler=Create");
        var password = GeneratedPassword().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        return await panel.LogInAsync(username, password);
    }

    /// <summary>Posts one of the list's forms as the admin and returns the list it redirects to, flash message included.</summary>
    private async Task<string> PostAsync(string handler, Dictionary<string, string> fields)
    {
        var admin = panel[Caller.AdminCookie];
        var users = await FormPage.LoadAsync(admin, "/users");
        var response = await users.PostAsync(admin, fields, handlerUrl: $"/users?handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await admin.GetStringAsync(response.Headers.Location!.OriginalString);
    }

    [GeneratedRegex("data-generated-password>([^<]+)</code>")]
    private static partial Regex GeneratedPassword();
}

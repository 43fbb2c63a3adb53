using System.Net;
using WebOps.Audit;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.Audit.AuditClient;

namespace WebOps.Tests.Integration.Audit;

/// <summary>Logins, refused logins and logouts land in the audit log with the address the panel saw (the edge's X-Forwarded-For).</summary>
public sealed class LoginAuditTests
{
    [Fact]
    public async Task Failed_throttled_and_successful_logins_and_the_logout_are_recorded_with_the_client_address()
    {
        await using var panel = await PanelApp.StartAsync("--Login:MaxFailures=2");
        using (var guesser = BrowserFrom(panel, "203.0.113.7"))
        {
            var login = await FormPage.LoadAsync(guesser, "/login");
            using (var wrong = await login.PostAsync(guesser, Credentials(PanelApp.AdminUser, "not-the-password")))
            {
                Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            }

            using (var unknown = await login.PostAsync(guesser, Credentials("mallory", "guess")))
            {
                Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            }

            using var throttled = await login.PostAsync(guesser, Credentials("root", "guess"));
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        using var user = BrowserFrom(panel, "198.51.100.20");
        var userLogin = await FormPage.LoadAsync(user, "/login");
        using (var ok = await userLogin.PostAsync(user, Credentials(PanelApp.AdminUser, PanelApp.AdminPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }

        var dashboard = await FormPage.LoadAsync(user, "/");
        using (var logout = await dashboard.PostAsync(user, [], handlerUrl: "/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        }

        using var admin = await WithTokenNamedAsync(panel, "auditor");
        var entries = (await EntriesAsync(admin)).Where(e => e.Action.StartsWith("log", StringComparison.Ordinal)).Reverse()
            .Select(e => (e.Action, e.Actor, e.ActorKind, e.Details, e.Address));
        Assert.Equal(
        [
            (AuditActions.LoginFailed, PanelApp.AdminUser, "anonymous", "wrong username or password", "203.0.113.7"),
            (AuditActions.LoginFailed, "mallory", "anonymous", "wrong username or password", "203.0.113.7"),
            (AuditActions.LoginFailed, "root", "anonymous", "throttled: too many failed logins", "203.0.113.7"),
            (AuditActions.LoginSucceeded, PanelApp.AdminUser, "user", null, "198.51.100.20"),
            (AuditActions.Logout, PanelApp.AdminUser, "user", null, "198.51.100.20"),
        ], entries);
        Assert.DoesNotContain("not-the-password", await RawTableAsync(panel.DataFolder), StringComparison.Ordinal);
    }
}

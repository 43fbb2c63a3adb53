using WebOps.Tests.Integration.Browser;
using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Auth;

/// <summary>The users page in a real browser on a phone-sized screen, and the panel as the viewer it creates sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_adds_a_viewer_who_then_sees_no_way_to_change_anything()
    {
        var username = "ui-viewer-" + Guid.NewGuid().ToString("N")[..6];
        var page = await fixture.LoggedInPageAsync();
        try
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.ClickAsync("nav a[href='/users']");
            await page.FillAsync("#in-username", username);
            await page.SelectOptionAsync("#in-role", "viewer");
            await page.ClickAsync("button:has-text('Add user')");
            var password = await page.Locator("[data-generated-password]").TextContentAsync();
            await Expect(page.Locator($"tr[data-user='{username}'] select")).ToHaveValueAsync("viewer");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("phone-users"), FullPage = true });
            Assert.True(overflow <= 0, $"/users is {overflow} px wider than a 390 px screen");

            await page.ClickAsync("button:has-text('Log out')");
            await page.FillAsync("#username", username);
            await page.FillAsync("#password", password!);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/");
            await Expect(page.Locator(".who")).ToHaveTextAsync(username);
            await Expect(page.Locator("a[href='/users']")).ToHaveCountAsync(0);
            await Expect(page.Locator("a[href='/deployments/new']")).ToHaveCountAsync(0);
            await page.OpenAsync("/addons");
            await Expect(page.Locator("[data-addon=docker]")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-addon] form")).ToHaveCountAsync(0);
            fixture.AssertNoScriptErrors(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

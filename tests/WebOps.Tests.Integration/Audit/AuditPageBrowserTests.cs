using WebOps.Tests.Integration.Browser;
using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Audit;

/// <summary>The audit page in a real browser: reached from the menu, filtered with the form, readable on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditPageBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_menu_leads_to_the_audit_log_whose_action_filter_narrows_it_and_which_fits_a_phone()
    {
        var page = await fixture.LoggedInPageAsync();
        try
        {
            await page.ClickAsync("nav a:has-text('Audit log')");
            await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/audit");
            await Expect(page.Locator("tr[data-audit-entry]").First).ToBeVisibleAsync();

            await page.SelectOptionAsync("#action", "login.succeeded");
            await page.ClickAsync("button:has-text('Filter')");
            await page.WaitForPageAsync(url => url.Contains("action=login.succeeded", StringComparison.Ordinal));
            var actions = await page.Locator("tr[data-audit-entry] td[data-label=Action]").AllInnerTextsAsync();
            Assert.NotEmpty(actions);
            Assert.All(actions, a => Assert.Equal("login.succeeded", a.Trim()));
            await Expect(page.Locator("tr[data-audit-entry] td[data-label=Actor]").First).ToContainTextAsync("admin");

            await page.SetViewportSizeAsync(390, 844);
            await page.ReopenAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("phone-audit"), FullPage = true });
            Assert.True(overflow <= 0, $"/audit is {overflow} px wider than a 390 px screen");
            fixture.AssertNoScriptErrors(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

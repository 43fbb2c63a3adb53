using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// The account page in Chromium: the two-factor QR code is inline SVG under the panel's Content-Security-Policy, so
/// it must draw without the browser reporting a violation. Set-up is cancelled at the end: the shared admin keeps
/// logging in with the password alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(BrowserFixture fixture)
{
    private const string Listener = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task Setting_up_two_factor_shows_the_qr_code_without_a_policy_violation()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.Context.AddInitScriptAsync(Listener);
        var consoleReports = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                consoleReports.Add($"{m.Text} on {m.Page?.Url}");
            }
        };

        await page.ClickAsync("header a[href='/account']");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/account");
        await page.ClickAsync("button:has-text('Set up two-factor login')");

        var qr = page.Locator("[data-testid=qr-code] svg");
        await Expect(qr).ToBeVisibleAsync();
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: >= 150, Height: >= 150 }, $"the QR code is drawn at {box?.Width}x{box?.Height} px");
        await Expect(page.Locator("[data-testid=totp-secret]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-7]{32}$"));
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("account-two-factor-setup"), FullPage = true });

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, "Policy violations on the account page:\n" + string.Join('\n', violations));
        Assert.Empty(consoleReports);
        fixture.AssertNoScriptErrors(page);

        await page.SetViewportSizeAsync(390, 844);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("phone-account-two-factor-setup"), FullPage = true });
        Assert.True(overflow <= 0, $"the account page is {overflow} px wider than a 390 px screen");
        await Expect(page.Locator("header a[href='/account']")).ToBeVisibleAsync();

        await page.ClickAsync("button:has-text('Cancel set-up')");
        await Expect(page.Locator("[data-testid=two-factor-state]")).ToContainTextAsync("Off.");
        await page.Context.CloseAsync();
    }
}

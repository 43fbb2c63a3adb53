using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>What a visitor meets around the pages: the login form and the not-found page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LoginAndNotFoundTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Wrong_password_is_refused_with_one_message_that_does_not_say_which_part_was_wrong()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Panel.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.OpenAsync("/deployments/new");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Wrong username or password. Try again.");
        await Expect(page.Locator("#password")).ToHaveValueAsync("");

        await page.FillAsync("#password", fixture.Panel.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/deployments/new");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Login_ignores_a_return_address_on_another_site()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Panel.BaseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.OpenAsync("/login?ReturnUrl=" + Uri.EscapeDataString("https://example.invalid/phish"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", fixture.Panel.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(fixture.Panel.BaseAddress.Authority, new Uri(page.Url).Authority);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_deployment_shows_a_friendly_not_found_page()
    {
        var page = await fixture.LoggedInPageAsync();
        var response = await page.OpenAsync("/deployments/no-such-app");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("[data-testid=not-found] h1")).ToContainTextAsync("no-such-app");
        await Expect(page.Locator("[data-testid=not-found] a[href='/']")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}

using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AddonsPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Addons_page_lists_the_docker_addon_with_its_three_hooks()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.OpenAsync("/addons");
        var docker = page.Locator("[data-addon=docker]");
        await Expect(docker).ToBeVisibleAsync();
        await Expect(docker.Locator("[data-enabled-badge]")).ToHaveTextAsync("enabled");
        await Expect(docker.Locator("tr[data-hook]")).ToHaveCountAsync(3);
        foreach (var row in await docker.Locator("tr[data-hook]").AllAsync())
        {
            await Expect(row.Locator("td[data-label=Timeout]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)? (s|min)$"));
        }

        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("addons"), FullPage = true });

        try
        {
            await docker.Locator("button:has-text('Disable')").ClickAsync();
            await Expect(page.Locator("[data-addon=docker] [data-enabled-badge]")).ToHaveTextAsync("disabled");
            await Expect(page.Locator("#run-order")).Not.ToContainTextAsync("docker");
            await page.Locator("[data-addon=docker] button:has-text('Enable')").ClickAsync();
            await Expect(page.Locator("[data-addon=docker] [data-enabled-badge]")).ToHaveTextAsync("enabled");
            fixture.AssertNoScriptErrors(page);
        }
        finally
        {
            // The other browser tests deploy with Docker: never leave the addon switched off.
            await page.Context.APIRequest.PostAsync("/api/addons/docker/enable");
            await page.Context.CloseAsync();
        }
    }
}

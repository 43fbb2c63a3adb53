using static Microsoft.Playwright.Assertions;
using static WebOps.Tests.Integration.Browser.DeploymentPages;

namespace WebOps.Tests.Integration.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EditDeploymentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Editing_keeps_masked_secrets_says_saved_and_redeploys_from_the_saved_notice()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await CreateDockerDeploymentAsync(page, name, site.Url, ("API_TOKEN", "s3cret-value"));
        await Expect(page.Locator("#env")).ToContainTextAsync("API_TOKEN=********");
        await Expect(page.Locator("#env")).Not.ToContainTextAsync("s3cret-value");
        await page.ClickAsync("[data-reveal]");
        await Expect(page.Locator("#env")).ToContainTextAsync("API_TOKEN=s3cret-value");
        await WaitUntilRunningAsync(page);

        await page.ClickAsync("a:has-text('Edit')");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}/edit");
        await Expect(page.Locator("#in-name")).ToHaveAttributeAsync("readonly", "");
        await Expect(page.Locator("[name='env_vars.value']").First).ToHaveValueAsync("********");
        await Expect(page.Locator("#in-use_docker")).ToBeCheckedAsync();
        await Expect(page.Locator("#docker-options")).ToBeVisibleAsync();
        await page.Locator("[name='env_vars.key']").Nth(1).FillAsync("GREETING");
        await page.Locator("[name='env_vars.value']").Nth(1).FillAsync("hello");
        await page.ClickAsync("button:has-text('Save changes')");

        await Expect(page.Locator("[data-saved]")).ToContainTextAsync("Saved. Redeploy to apply.");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("edit-saved"), FullPage = true });
        var env = (await ApiDeploymentAsync(page, name)).GetProperty("env_vars");
        Assert.Equal("s3cret-value", env.GetProperty("API_TOKEN").GetString());
        Assert.Equal("hello", env.GetProperty("GREETING").GetString());

        await page.ClickAsync("[data-saved] button:has-text('Redeploy')");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
        await Expect(page.Locator(".flash-ok")).ToContainTextAsync("queued");
        await Expect(page.Locator("[data-runs] tr")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await WaitUntilRunningAsync(page);
        await Expect(page.Locator("[data-runs] tr").First.Locator(".badge")).ToHaveTextAsync("succeeded", new() { Timeout = 30_000 });

        // A past run's log opens from the runs list; "Back to live log" returns to the latest lines.
        var firstRun = page.Locator("[data-runs] tr").Last;
        var firstRunId = await firstRun.GetAttributeAsync("data-run");
        await firstRun.Locator("a").ClickAsync();
        await Expect(page.Locator("[data-log-title]")).ToHaveTextAsync($"run #{firstRunId}");
        await Expect(page.Locator("[data-log]")).ToContainTextAsync($"Deploy #{firstRunId} succeeded");
        await Expect(page.Locator("[data-log]")).Not.ToContainTextAsync("Settings changed");
        await page.ClickAsync("[data-live-log]");
        await Expect(page.Locator("[data-log-title]")).ToHaveTextAsync("latest activity");
        await Expect(page.Locator("[data-log]")).ToContainTextAsync("Settings changed");
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }
}

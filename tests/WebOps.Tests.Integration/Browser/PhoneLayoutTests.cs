using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>The pages on a phone-sized screen: readable without scrolling sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_page_fits_a_phone_screen_without_sideways_scrolling()
    {
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        // Without Docker the deploy fails at once, which also shows how a failure looks.
        await page.OpenAsync("/deployments/new");
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", "https://git.example.invalid/team/app.git");
        await page.Locator("[name='env_vars.key']").First.FillAsync("A_RATHER_LONG_VARIABLE_NAME_FOR_A_SMALL_SCREEN");
        await DeploymentPages.SubmitCreateAsync(page, name);
        await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync("failed", new() { Timeout = 120_000 });
        await Expect(page.Locator("[data-log] .level-error")).Not.ToHaveCountAsync(0);

        foreach (var (path, shot) in new[]
        {
            ($"/deployments/{name}", "phone-deployment"),
            ("/", "phone-dashboard"),
            ("/deployments/new", "phone-create-form"),
            ("/addons", "phone-addons"),
        })
        {
            await page.OpenAsync(path);
            if (path == "/deployments/new")
            {
                await page.CheckAsync("#in-use_docker");
            }

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor(shot), FullPage = true });
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 390 px screen");
        }

        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }
}

using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static WebOps.Tests.Integration.Browser.DeploymentPages;

namespace WebOps.Tests.Integration.Browser;

/// <summary>A person's whole path through the panel with a real Docker deploy of a local static site.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DeploymentLifecycleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Docker_deployment_created_in_the_form_runs_serves_its_page_and_follows_stop_start_restart()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();

        await page.OpenAsync("/deployments/new");
        var options = page.Locator("#docker-options");
        await Expect(options).ToBeHiddenAsync();
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", site.Url);
        await page.CheckAsync("#in-use_docker");
        await Expect(options).ToBeVisibleAsync();
        await Expect(page.Locator("#in-auto_generate_dockerfile")).ToBeCheckedAsync();
        await Expect(page.Locator("[name=dockerfile_path]")).ToHaveValueAsync("Dockerfile");
        await Expect(page.Locator("[name=docker_network_mode]")).ToHaveValueAsync("bridge");
        await page.ClickAsync("details.advanced summary");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("create-form-docker"), FullPage = true });
        await SubmitCreateAsync(page, name);

        // The log streams while the deploy runs: lines arrive without a reload.
        var status = page.Locator("[data-status-badge]");
        var log = page.Locator("[data-log]");
        await Expect(status).ToHaveTextAsync(BuildingOrDone(), new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        if (await status.TextContentAsync() == "building")
        {
            await Expect(log.Locator(".log-line").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("deployment-mid-deploy"), FullPage = true });
        }

        await WaitUntilRunningAsync(page);
        await Expect(log).ToContainTextAsync("succeeded");
        await Expect(page.Locator("[data-runs] .badge")).ToHaveTextAsync("succeeded");
        await Expect(page.Locator("[data-container]")).Not.ToHaveTextAsync("none yet");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("deployment-running"), FullPage = true });

        var appLink = page.Locator("[data-app-link]");
        await Expect(appLink).ToBeVisibleAsync();
        var appUrl = await appLink.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(appUrl));
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        // nginx logs each request to stdout: following the runtime logs shows a new one as it happens.
        await page.CheckAsync("[data-runtime-follow]");
        await Expect(page.Locator("[data-runtime-log] .stream-stdout").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var probe = "probe-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True((await page.Context.APIRequest.GetAsync(appUrl + "?" + probe)).Ok);
        await Expect(page.Locator("[data-runtime-log]")).ToContainTextAsync(probe, new() { Timeout = 30_000 });
        await page.UncheckAsync("[data-runtime-follow]");

        // The dashboard, open in a second tab, must follow the changes without being reloaded.
        var dashboard = await page.Context.NewPageAsync();
        await dashboard.OpenAsync("/");
        var dashboardStatus = dashboard.Locator($"tr[data-deployment='{name}'] [data-status-badge]");
        await Expect(dashboardStatus).ToHaveTextAsync("running");
        await Expect(dashboard.Locator("[data-live-indicator]")).ToHaveClassAsync(new Regex("connected"));

        await ClickActionAsync(page, "stop", "stopped", "Stopped.");
        await Expect(dashboardStatus).ToHaveTextAsync("stopped", new() { Timeout = (float)ActionLimit.TotalMilliseconds });
        await Expect(page.Locator("form[data-action=stop] button")).ToBeDisabledAsync();
        await Expect(page.Locator("form[data-action=start] button")).ToBeEnabledAsync();
        await dashboard.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard"), FullPage = true });

        await ClickActionAsync(page, "start", "running", "Started.");
        await Expect(dashboardStatus).ToHaveTextAsync("running", new() { Timeout = (float)ActionLimit.TotalMilliseconds });
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        await ClickActionAsync(page, "restart", "running", "Restarted.");
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        await DeleteThroughConfirmationAsync(page, name);
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }

    private static async Task DeleteThroughConfirmationAsync(Microsoft.Playwright.IPage page, string name)
    {
        await page.OpenAsync($"/deployments/{name}");
        await page.ClickAsync("a:has-text('Delete')");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}/delete");
        await page.CheckAsync("[name=remove_images]");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("delete-confirm") });
        await page.ClickAsync($"button:has-text('Delete {name}')");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator(".flash-ok")).ToContainTextAsync($"Deleted '{name}' and its images.");
        await Expect(page.Locator($"tr[data-deployment='{name}']")).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync($"/api/deployments/{name}")).Status);
    }

    [GeneratedRegex("^(building|running|failed)$")]
    private static partial Regex BuildingOrDone();
}

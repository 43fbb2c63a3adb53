using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>A person's whole path through the panel with a real Docker deploy of a local static site.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DeploymentLifecycleTests(BrowserFixture fixture)
{
    private static readonly TimeSpan DeployLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ActionLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Docker_deployment_created_in_the_form_runs_serves_its_page_and_follows_stop_start_restart()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();

        await page.GotoAsync("/deployments/new");
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
        await page.ClickAsync("details.advanced summary");
        await page.ClickAsync("button[type=submit]:has-text('Create and deploy')");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
        var status = page.Locator("[data-status-badge]");
        var log = page.Locator("[data-log]");
        await Expect(status).ToHaveTextAsync(BuildingOrDone(), new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        if (await status.TextContentAsync() == "building")
        {
            await Expect(log.Locator(".log-line").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("deployment-mid-deploy"), FullPage = true });
        }

        await Expect(status).ToHaveTextAsync(RunningOrFailed(), new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        Assert.True(await status.TextContentAsync() == "running", $"The deploy failed. Log:\n{await log.InnerTextAsync()}");
        await Expect(log).ToContainTextAsync("succeeded");
        await Expect(page.Locator("[data-runs] .badge")).ToHaveTextAsync("succeeded");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("deployment-running"), FullPage = true });

        var appLink = page.Locator("[data-app-link]");
        await Expect(appLink).ToBeVisibleAsync();
        var appUrl = await appLink.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(appUrl));
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        // The dashboard, open in a second tab, must follow the changes without being reloaded.
        var dashboard = await page.Context.NewPageAsync();
        await dashboard.GotoAsync("/");
        var dashboardStatus = dashboard.Locator($"tr[data-deployment='{name}'] [data-status-badge]");
        await Expect(dashboardStatus).ToHaveTextAsync("running");
        await Expect(dashboard.Locator("[data-live-indicator]")).ToHaveClassAsync(new Regex("connected"));

        await ClickActionAsync(page, "Stop", "stopped");
        await Expect(dashboardStatus).ToHaveTextAsync("stopped", new() { Timeout = (float)ActionLimit.TotalMilliseconds });
        await Expect(page.Locator("button:has-text('Stop')")).ToBeDisabledAsync();
        await Expect(page.Locator("button:has-text('Start')")).ToBeEnabledAsync();

        await ClickActionAsync(page, "Start", "running");
        await Expect(dashboardStatus).ToHaveTextAsync("running", new() { Timeout = (float)ActionLimit.TotalMilliseconds });
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        await ClickActionAsync(page, "Restart", "running");
        await Expect(page.Locator("[data-action-result]")).ToHaveTextAsync("Restarted.");
        await ExpectAppServesAsync(page, appUrl!, site.Marker);

        await DeleteThroughConfirmationAsync(page, name);
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks a button, sees it work ("Stopping…"), then waits for the status badge to say the result.</summary>
    private static async Task ClickActionAsync(IPage page, string button, string expectedStatus)
    {
        var locator = page.Locator($"form[data-action] button:has-text('{button}')");
        await Expect(locator).ToBeEnabledAsync();
        await locator.ClickAsync();
        await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync(expectedStatus, new() { Timeout = (float)ActionLimit.TotalMilliseconds });
        await Expect(page.Locator("[data-action-result]")).ToHaveClassAsync(new Regex(@"\bok\b"), new() { Timeout = (float)ActionLimit.TotalMilliseconds });
    }

    /// <summary>Opens the app's own URL in a tab until it shows the marker; a just-started server may refuse the first tries.</summary>
    private static async Task ExpectAppServesAsync(IPage page, string url, string marker)
    {
        var tab = await page.Context.NewPageAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? last = null;
        while (true)
        {
            try
            {
                var response = await tab.GotoAsync(url, new() { Timeout = 10_000 });
                if (response is { Ok: true } && (await tab.ContentAsync()).Contains(marker, StringComparison.Ordinal))
                {
                    break;
                }

                last = $"HTTP {response?.Status}";
            }
            catch (PlaywrightException e)
            {
                last = e.Message.Split('\n')[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} did not show '{marker}' within 60 s; last answer: {last}");
            await Task.Delay(500);
        }

        await tab.CloseAsync();
    }

    private static async Task DeleteThroughConfirmationAsync(IPage page, string name)
    {
        await page.ClickAsync("a:has-text('Delete')");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}/delete");
        await page.CheckAsync("[name=remove_images]");
        await page.ClickAsync($"button:has-text('Delete {name}')");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator(".flash-ok")).ToContainTextAsync($"Deleted '{name}' and its images.");
        await Expect(page.Locator($"tr[data-deployment='{name}']")).ToHaveCountAsync(0);
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync($"/api/deployments/{name}")).Status);
    }

    [GeneratedRegex("^(building|running|failed)$")]
    private static partial Regex BuildingOrDone();

    [GeneratedRegex("^(running|failed)$")]
    private static partial Regex RunningOrFailed();
}

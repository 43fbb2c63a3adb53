using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static WebOps.Tests.Integration.Browser.DeploymentPages;

namespace WebOps.Tests.Integration.Browser;

/// <summary>The detail page script enables the action buttons from the server's status table, live.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ActionButtonsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_failed_deployment_can_be_stopped_from_its_page_and_the_buttons_follow_each_status()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await page.OpenAsync("/deployments/new");
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", site.Url);
        await page.FillAsync("[name=branch]", "no-such-branch");
        await SubmitCreateAsync(page, name);

        var status = page.Locator("[data-status-badge]");
        await Expect(status).ToHaveTextAsync("failed", new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        await ExpectButtonsAsync(page, deploy: true, start: true, stop: true, restart: true);

        // A redeploy holds every button until its run ends; then they follow the status again.
        await page.ClickAsync("form[data-action=deploy] button");
        await Expect(page.Locator("[data-action-result]")).ToHaveTextAsync(QueuedResult());
        await Expect(page.Locator("[data-runs] tr").First.Locator(".badge")).ToHaveTextAsync("failed", new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        await Expect(status).ToHaveTextAsync("failed");
        await ExpectButtonsAsync(page, deploy: true, start: true, stop: true, restart: true);

        await ClickActionAsync(page, "stop", "stopped", "Stopped.");
        await ExpectButtonsAsync(page, deploy: true, start: true, stop: false, restart: true);
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task While_a_deploy_runs_Redeploy_stays_enabled_and_pressing_it_queues_the_next_run()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        fixture.Gate.Hold(name);
        try
        {
            var page = await fixture.LoggedInPageAsync();
            await page.OpenAsync("/deployments/new");
            await page.FillAsync("[name=name]", name);
            await page.FillAsync("[name=repo_url]", site.Url);
            await SubmitCreateAsync(page, name);
            var executing = await fixture.Gate.WaitEnteredAsync(name);
            await page.ReopenAsync();
            await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync("building");
            await ExpectButtonsAsync(page, deploy: true, start: false, stop: false, restart: false);

            await page.ClickAsync("form[data-action=deploy] button");
            await Expect(page.Locator("[data-action-result]")).ToHaveTextAsync(QueuedResult());
            await Expect(page.Locator("[data-runs] tr").First).ToHaveAttributeAsync("data-run", new Regex($"^(?!{executing}$)\\d+$"));
            await Expect(page.Locator("[data-runs] tr").First.Locator(".badge")).ToHaveTextAsync("queued");
            await ExpectButtonsAsync(page, deploy: true, start: false, stop: false, restart: false);
            fixture.AssertNoScriptErrors(page);
            await page.Context.CloseAsync();
        }
        finally
        {
            fixture.Gate.Open(name);
        }
    }

    private static async Task ExpectButtonsAsync(Microsoft.Playwright.IPage page, bool deploy, bool start, bool stop, bool restart)
    {
        foreach (var (action, enabled) in new[] { ("deploy", deploy), ("start", start), ("stop", stop), ("restart", restart) })
        {
            var button = page.Locator($"form[data-action={action}] button");
            if (enabled)
            {
                await Expect(button).ToBeEnabledAsync();
            }
            else
            {
                await Expect(button).ToBeDisabledAsync();
            }
        }
    }

    [GeneratedRegex(@"^Deploy #\d+ queued\.")]
    private static partial Regex QueuedResult();
}

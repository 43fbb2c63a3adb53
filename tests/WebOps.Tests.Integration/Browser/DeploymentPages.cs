using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>What a person does on the deployment pages, as steps the browser tests share.</summary>
public static partial class DeploymentPages
{
    public static readonly TimeSpan DeployLimit = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ActionLimit = TimeSpan.FromSeconds(90);

    /// <summary>Fills the create form for a Docker deployment with the defaults left alone, and submits it.</summary>
    public static async Task CreateDockerDeploymentAsync(IPage page, string name, string repoUrl, params (string Key, string Value)[] env)
    {
        await page.OpenAsync("/deployments/new");
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", repoUrl);
        for (var i = 0; i < env.Length; i++)
        {
            await page.Locator("[name='env_vars.key']").Nth(i).FillAsync(env[i].Key);
            await page.Locator("[name='env_vars.value']").Nth(i).FillAsync(env[i].Value);
        }

        await page.CheckAsync("#in-use_docker");
        await SubmitCreateAsync(page, name);
    }

    public static async Task SubmitCreateAsync(IPage page, string name)
    {
        await page.ClickAsync("button[type=submit]:has-text('Create and deploy')");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
    }

    /// <summary>
    /// Waits on the open deployment page until the newest run has ended, then for the badge to say running; a deploy
    /// that did not succeed fails with its log. The run decides, not the badge: just after a redeploy is queued the
    /// badge still says running from the deploy before, and turns to deploying only when the new run starts.
    /// </summary>
    public static async Task WaitUntilRunningAsync(IPage page)
    {
        var result = page.Locator("[data-runs] tr").First.Locator(".badge");
        await Expect(result).ToHaveTextAsync(Ended(), new() { Timeout = (float)DeployLimit.TotalMilliseconds });
        var text = await result.TextContentAsync();
        Assert.True(text == "succeeded", $"The deploy ended {text}. Log:\n{await page.Locator("[data-log]").InnerTextAsync()}");
        await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync("running", new() { Timeout = 30_000 });
    }

    /// <summary>Clicks an action button, then waits for its result message and for the status badge to follow.</summary>
    public static async Task ClickActionAsync(IPage page, string action, string expectedStatus, string expectedResult)
    {
        var button = page.Locator($"form[data-action={action}] button");
        await Expect(button).ToBeEnabledAsync();
        await button.ClickAsync();
        var limit = new LocatorAssertionsToHaveTextOptions { Timeout = (float)ActionLimit.TotalMilliseconds };
        await Expect(page.Locator("[data-action-result]")).ToHaveTextAsync(expectedResult, limit);
        await Expect(page.Locator("[data-status-badge]")).ToHaveTextAsync(expectedStatus, limit);
    }

    /// <summary>Opens the app's own URL in a tab until it shows the marker; a just-started server may refuse the first tries.</summary>
    public static async Task ExpectAppServesAsync(IPage page, string url, string marker)
    {
        var tab = await page.Context.NewPageAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? last = null;
        while (true)
        {
            try
            {
                // A fresh query each time: a page from the browser's cache would say nothing about the server.
                var fresh = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "check=" + Guid.NewGuid().ToString("N")[..8];
                var response = await tab.OpenAsync(fresh, new() { Timeout = 10_000 });
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

    /// <summary>The deployment as the API shows it, secrets revealed.</summary>
    public static async Task<System.Text.Json.JsonElement> ApiDeploymentAsync(IPage page, string name)
    {
        var response = await page.Context.APIRequest.GetAsync($"/api/deployments/{name}?reveal=true");
        Assert.True(response.Ok, $"GET /api/deployments/{name} answered {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    [GeneratedRegex("^(succeeded|failed|cancelled)$")]
    private static partial Regex Ended();
}

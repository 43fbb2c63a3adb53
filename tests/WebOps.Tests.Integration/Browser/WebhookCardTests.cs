using System.Net;
using WebOps.Tests.Integration.Webhooks;
using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>The push-to-deploy card in a real browser: the generate button, the one-time secret, the deliveries, on a phone too.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhookCardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Generated_secret_is_shown_once_works_and_the_delivery_is_listed()
    {
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await page.OpenAsync("/deployments/new");
        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", "https://git.example.invalid/team/app.git");
        await Expect(page.Locator("#in-auto_deploy")).ToBeCheckedAsync();
        await DeploymentPages.SubmitCreateAsync(page, name);
        await Expect(page.Locator("[data-webhook-secret-state]")).ToHaveAttributeAsync("data-webhook-secret-state", "not set");

        await page.ClickAsync("[data-webhook-generate]");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
        Assert.DoesNotContain("secret=", page.Url, StringComparison.Ordinal);
        var secret = (await page.Locator("[data-webhook-new-secret]").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9a-f]{64}$", secret);

        using var provider = new HttpClient { BaseAddress = fixture.Panel.BaseAddress };
        using var delivery = await HookSender.SendAsync(provider, "github", name, secret, "push", HookSender.PushBody("feature"));
        Assert.Equal(HttpStatusCode.Accepted, delivery.StatusCode);

        await page.SetViewportSizeAsync(390, 844);
        // Deliveries are saved just after the answer: reload until it is listed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.Locator("[data-webhook-deliveries]").CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            await page.ReopenAsync();
        }

        await Expect(page.Locator("[data-webhook-deliveries]")).ToContainTextAsync("push to 'feature'; this deployment deploys 'main'");
        await Expect(page.Locator("[data-webhook-new-secret]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-webhook-secret-state]")).ToHaveAttributeAsync("data-webhook-secret-state", "set");
        await page.Locator("#webhook").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("phone-webhook"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the deployment page with deliveries is {overflow} px wider than a 390 px screen");
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }
}

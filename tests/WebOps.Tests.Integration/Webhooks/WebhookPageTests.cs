using System.Net;
using System.Text.RegularExpressions;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.Webhooks.HookSender;

namespace WebOps.Tests.Integration.Webhooks;

/// <summary>The hook card on the deployment's page: URL, secret state, the one-time secret, the deliveries.</summary>
public sealed partial class WebhookPageTests(HookPanel hooks) : IClassFixture<HookPanel>
{
    [Fact]
    public async Task Generate_button_shows_the_new_secret_once_and_deliveries_appear()
    {
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>page</h1>"));
        await ProcessAddon.ProcessPanel.DeployAsync(hooks.Api, "paged", repo, "static");
        using var browser = await hooks.Panel.LoggedInAsync();

        var page = await FormPage.LoadAsync(browser, "/deployments/paged");
        Assert.Contains($"data-webhook-url>{new Uri(hooks.Panel.BaseAddress, "/api/hooks/paged")}<", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-webhook-secret-state=\"not set\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("No deliveries yet.", page.Html, StringComparison.Ordinal);

        var posted = await page.PostAsync(browser, [], handlerUrl: "/deployments/paged/webhook-secret");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/deployments/paged#webhook", posted.Headers.Location!.ToString());

        var shown = await browser.GetStringAsync("/deployments/paged");
        var secret = NewSecret().Match(shown).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{64}$", secret);
        Assert.Contains("data-webhook-secret-state=\"set\"", shown, StringComparison.Ordinal);

        using var delivery = await SendAsync(hooks.Stranger, "gitea", "paged", secret, "push", PushBody("dev"));
        Assert.Equal(HttpStatusCode.Accepted, delivery.StatusCode);
        await hooks.DeliveriesAsync("paged", 1);

        var later = await browser.GetStringAsync("/deployments/paged");
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.DoesNotContain("data-webhook-new-secret", later, StringComparison.Ordinal);
        Assert.Contains("push to &#x27;dev&#x27;; this deployment deploys &#x27;main&#x27;", later, StringComparison.Ordinal);
        Assert.Contains("Generate new secret", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_button_without_the_forms_token_is_refused()
    {
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>page</h1>"));
        await ProcessAddon.ProcessPanel.DeployAsync(hooks.Api, "forged", repo, "static");
        using var browser = await hooks.Panel.LoggedInAsync();
        var page = await FormPage.LoadAsync(browser, "/deployments/forged");

        var posted = await page.PostAsync(browser, [], withToken: false, handlerUrl: "/deployments/forged/webhook-secret");

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("data-webhook-secret-state=\"not set\"", await browser.GetStringAsync("/deployments/forged"), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-webhook-new-secret>([^<]*)<")]
    private static partial Regex NewSecret();
}

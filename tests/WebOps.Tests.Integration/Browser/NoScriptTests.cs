using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

/// <summary>The form without JavaScript: everything shown, checkboxes and rows posted as plain HTML.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoScriptTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Without_javascript_the_docker_section_shows_and_a_valid_create_lands_on_the_detail_page()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync(javaScript: false);

        await page.OpenAsync("/deployments/new");
        await Expect(page.Locator("#docker-options")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-add-row]").First).ToBeHiddenAsync();
        await Expect(page.Locator("[name='env_vars.key']")).ToHaveCountAsync(3);

        await page.FillAsync("[name=name]", name);
        await page.FillAsync("[name=repo_url]", site.Url);
        await page.Locator("[name='env_vars.key']").Nth(1).FillAsync("SITE_TITLE");
        await page.Locator("[name='env_vars.value']").Nth(1).FillAsync("Hello from a form without scripts");
        await page.CheckAsync("#in-use_docker");
        // Unticking must be seen by the server even though an unticked box sends nothing.
        await page.UncheckAsync("#in-auto_generate_dockerfile");
        await page.SelectOptionAsync("[name=docker_network_mode]", "host");
        await page.ClickAsync("button[type=submit]:has-text('Create and deploy')");

        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
        await Expect(page.Locator("[data-status-badge]")).ToBeVisibleAsync();
        await Expect(page.Locator("#env")).ToContainTextAsync("SITE_TITLE=********");

        var response = await page.Context.APIRequest.GetAsync($"/api/deployments/{name}?reveal=true");
        Assert.True(response.Ok, $"GET /api/deployments/{name} answered {response.Status}");
        var d = (await response.JsonAsync())!.Value;
        Assert.True(d.GetProperty("use_docker").GetBoolean());
        Assert.False(d.GetProperty("auto_generate_dockerfile").GetBoolean());
        Assert.Equal("host", d.GetProperty("docker_network_mode").GetString());
        Assert.Equal("Hello from a form without scripts", d.GetProperty("env_vars").GetProperty("SITE_TITLE").GetString());
        Assert.Single(d.GetProperty("env_vars").EnumerateObject());

        // The edit form comes back with what was chosen, the secret masked.
        await page.OpenAsync($"/deployments/{name}/edit");
        await Expect(page.Locator("[name=docker_network_mode]")).ToHaveValueAsync("host");
        await Expect(page.Locator("#in-use_docker")).ToBeCheckedAsync();
        await Expect(page.Locator("#in-auto_generate_dockerfile")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("[name='env_vars.key']").First).ToHaveValueAsync("SITE_TITLE");
        await Expect(page.Locator("[name='env_vars.value']").First).ToHaveValueAsync("********");
        await page.OpenAsync($"/deployments/{name}");

        // Without a Dockerfile and with auto-generate off the deploy fails; without scripts the page shows it on reload.
        await ReloadUntilStatusAsync(page, "failed");
        await Expect(page.Locator("[data-log]")).ToContainTextAsync("Dockerfile");
        await page.ClickAsync("form[data-action=deploy] button");
        await page.WaitForPageAsync(url => new Uri(url).AbsolutePath == $"/deployments/{name}");
        await Expect(page.Locator(".flash-ok")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Deploy #\d+ queued\."));
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }

    /// <summary>Pages without scripts do not update themselves: reload until the badge says it (bounded).</summary>
    private static async Task ReloadUntilStatusAsync(Microsoft.Playwright.IPage page, string status)
    {
        var deadline = DateTime.UtcNow + DeploymentPages.DeployLimit;
        while (await page.Locator("[data-status-badge]").TextContentAsync() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{status}' not reached; log:\n{await page.Locator("[data-log]").InnerTextAsync()}");
            await Task.Delay(500);
            await page.ReopenAsync();
        }
    }
}

using static Microsoft.Playwright.Assertions;

namespace WebOps.Tests.Integration.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InvalidFormTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Invalid_form_shows_each_error_at_its_field_keeps_every_value_and_saves_nothing()
    {
        var page = await fixture.LoggedInPageAsync();
        await page.OpenAsync("/deployments/new");
        await page.FillAsync("[name=name]", "Bad_Name");
        await page.FillAsync("[name=repo_url]", "https://git.example.invalid/team/app.git");
        await page.FillAsync("[name=branch]", "release");
        await page.Locator("[name='env_vars.key']").First.FillAsync("GREETING");
        await page.Locator("[name='env_vars.value']").First.FillAsync("hello world");
        await page.CheckAsync("#in-use_docker");
        await page.ClickAsync("details.advanced summary");
        await page.Locator("[name=docker_volumes]").First.FillAsync("/etc:/x");
        await page.Locator("[name=docker_ports]").First.FillAsync("99999:80");
        await page.ClickAsync("button[type=submit]:has-text('Create and deploy')");

        await Expect(page.Locator("[data-error-summary]")).ToBeVisibleAsync();
        await Expect(page.Locator("#f-name .field-error")).ToContainTextAsync("Name");
        await Expect(page.Locator("#f-docker_volumes-0 .field-error")).ToContainTextAsync("/etc");
        await Expect(page.Locator("#f-docker_ports-0 .field-error")).ToContainTextAsync("99999");
        await Expect(page.Locator("[data-error-summary] li")).ToHaveCountAsync(3);
        await Expect(page.Locator("#f-repo_url .field-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("invalid-form"), FullPage = true });

        await Expect(page.Locator("[name=name]")).ToHaveValueAsync("Bad_Name");
        await Expect(page.Locator("[name=repo_url]")).ToHaveValueAsync("https://git.example.invalid/team/app.git");
        await Expect(page.Locator("[name=branch]")).ToHaveValueAsync("release");
        await Expect(page.Locator("[name='env_vars.key']").First).ToHaveValueAsync("GREETING");
        await Expect(page.Locator("[name='env_vars.value']").First).ToHaveValueAsync("hello world");
        await Expect(page.Locator("#in-use_docker")).ToBeCheckedAsync();
        await Expect(page.Locator("#in-auto_generate_dockerfile")).ToBeCheckedAsync();
        await Expect(page.Locator("[name=docker_volumes]").First).ToHaveValueAsync("/etc:/x");
        await Expect(page.Locator("[name=docker_ports]").First).ToHaveValueAsync("99999:80");

        // With a valid name the remaining errors still stop the save: nothing is created under that name.
        var name = fixture.NewDeploymentName();
        await page.FillAsync("[name=name]", name);
        await page.ClickAsync("button[type=submit]:has-text('Create and deploy')");
        await Expect(page.Locator("[data-error-summary] li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#f-name .field-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("[name=name]")).ToHaveValueAsync(name);

        var response = await page.Context.APIRequest.GetAsync("/api/deployments");
        Assert.True(response.Ok, $"GET /api/deployments answered {response.Status}");
        var names = (await response.JsonAsync())!.Value.EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.DoesNotContain(name, names);
        Assert.DoesNotContain("Bad_Name", names);
        Assert.Equal(404, (await page.Context.APIRequest.GetAsync($"/api/deployments/{name}")).Status);
        fixture.AssertNoScriptErrors(page);
        await page.Context.CloseAsync();
    }
}

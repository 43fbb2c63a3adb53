using Microsoft.Playwright;
using WebOps.Tests.Integration.Browser;
using static Microsoft.Playwright.Assertions;
using static WebOps.Tests.Integration.Browser.DeploymentPages;

namespace WebOps.Tests.Integration.Usage;

/// <summary>What a person sees of a running app's resource use: graphs on its page, a sparkline on the dashboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsageGraphsBrowserTests(BrowserFixture fixture)
{
    // Any pixel drawn: a canvas uPlot has drawn lines or fills on is no longer fully transparent.
    private const string CanvasDrawn = """
        el => {
            const c = el.getContext('2d');
            const d = c.getImageData(0, 0, el.width, el.height).data;
            let drawn = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) drawn++;
            return drawn;
        }
        """;

    [Fact]
    public async Task A_running_app_shows_cpu_memory_and_network_graphs_with_data_and_a_memory_sparkline()
    {
        using var site = await StaticSiteRepo.CreateAsync();
        var name = fixture.NewDeploymentName();
        var page = await fixture.LoggedInPageAsync();
        await CreateDockerDeploymentAsync(page, name, site.Url);
        await WaitUntilRunningAsync(page);

        // The sampler reads every 10 s; the page asks again each interval, so two points arrive without a reload.
        var card = page.Locator("[data-usage]");
        await Expect(card).ToHaveAttributeAsync("data-usage-points", new System.Text.RegularExpressions.Regex("^([2-9]|[1-9][0-9]+)$"), new() { Timeout = 90_000 });
        foreach (var kind in new[] { "cpu", "memory", "net" })
        {
            var canvas = page.Locator($"[data-usage-graph={kind}] canvas");
            await Expect(canvas).ToBeVisibleAsync();
            Assert.True(await canvas.EvaluateAsync<int>(CanvasDrawn) > 0, $"the {kind} graph is blank");

            // The time axis spans the chosen hour, however few the points (a fresh app has one or two).
            await Expect(page.Locator($"[data-usage-graph={kind}]")).ToHaveAttributeAsync("data-usage-x-span", "3600");
        }

        await Expect(page.Locator("[data-usage-memory]")).ToContainTextAsync("B");
        await Expect(page.Locator("[data-usage-reason]")).ToBeHiddenAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("deployment-usage-graphs"), FullPage = true });
        fixture.AssertNoScriptErrors(page);

        var dashboard = await page.Context.NewPageAsync();
        await dashboard.OpenAsync("/");
        var spark = dashboard.Locator($"[data-sparkline='{name}']");
        await Expect(spark).ToHaveAttributeAsync("data-sparkline-points", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        Assert.True(await spark.Locator("canvas").EvaluateAsync<int>(CanvasDrawn) > 0, "the memory sparkline is blank");
        await Expect(spark.Locator("[data-sparkline-text]")).ToContainTextAsync("B");
        await dashboard.ScreenshotAsync(new() { Path = Screenshots.PathFor("dashboard-memory-sparklines"), FullPage = true });

        // Without JavaScript the page still shows the newest figures, rendered by the server.
        var plain = await fixture.LoggedInPageAsync(javaScript: false);
        await plain.OpenAsync($"/deployments/{name}");
        await Expect(plain.Locator("[data-usage-memory]")).ToContainTextAsync("B");
        await Expect(plain.Locator("[data-usage-cpu]")).ToContainTextAsync("%");
        await Expect(plain.Locator("[data-usage-graphs]")).ToBeHiddenAsync();
        await plain.OpenAsync("/");
        await Expect(plain.Locator($"[data-sparkline='{name}'] [data-sparkline-text]")).ToContainTextAsync("B");
        await plain.Context.CloseAsync();
    }
}

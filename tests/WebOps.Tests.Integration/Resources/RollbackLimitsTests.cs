using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Core.Releases;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Resources;

/// <summary>A rollback puts back a release's image and configuration, but the limits stay the ones set now.</summary>
public sealed class RollbackLimitsTests
{
    private static string Dockerfile => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n";

    [DockerFact]
    public async Task A_rollback_keeps_the_current_limits_and_the_page_says_so_before_and_after_the_button()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("rblim");
        var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile), ("site/index.html", "version one"));
        var created = await world.Api.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, use_docker = true, memory_limit = "96m", restart_policy = "on-failure:2" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        var v1 = await LatestRunAsync(world, name);

        await repo.CommitAsync("v2", ("site/index.html", "version two"));
        var changed = await world.Api.PatchAsJsonAsync($"/api/deployments/{name}", new { memory_limit = "128m", restart_policy = "always" });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, (await world.Api.PostAsync($"/api/deployments/{name}/deploy", null)).StatusCode);
        d = await world.WaitForDeployAsync(name, afterRun: v1);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var v2 = await LatestRunAsync(world, name);
        Assert.Equal((128L << 20, "always"), await ContainerLimitsAsync(world, name));

        // The page says what a rollback keeps before the button is pressed, and again in the answer to it.
        using var browser = await world.Panel.LoggedInAsync();
        var page = await FormPage.LoadAsync(browser, $"/deployments/{name}");
        Assert.Contains($"data-rollback-keeps>{ReleaseConfig.RollbackKeeps}</p>", WebUtility.HtmlDecode(page.Html), StringComparison.Ordinal);
        var pressed = await page.PostAsync(browser, new() { ["run"] = v1.ToString(CultureInfo.InvariantCulture) }, handlerUrl: $"/deployments/{name}/rollback");
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var shown = WebUtility.HtmlDecode(await browser.GetStringAsync($"/deployments/{name}"));
        Assert.Matches($"Rollback #[0-9]+ to release #{v1} queued\\. {System.Text.RegularExpressions.Regex.Escape(ReleaseConfig.RollbackKeeps)}", shown);

        d = await world.WaitForDeployAsync(name, afterRun: v2);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
        Assert.Equal((128L << 20, "always"), await ContainerLimitsAsync(world, name));
        Assert.Equal(("128m", "always"), (d.GetProperty("memory_limit").GetString(), d.GetProperty("restart_policy").GetString()));
    }

    private static async Task<int> LatestRunAsync(DeployedApp world, string name) =>
        (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();

    private static async Task<(long Memory, string Restart)> ContainerLimitsAsync(DeployedApp world, string name)
    {
        var container = (await world.ContainersAsync(name)).Single(c => c.State == "running");
        var host = (await world.Engine.Containers.InspectContainerAsync(container.ID)).HostConfig!;
        return (host.Memory, host.RestartPolicy!.Name.ToString().ToLowerInvariant());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.EndToEnd;

/// <summary>A real deploy's log, as the API returns it, ends with the time each step took.</summary>
public sealed class StepTimesLogTests
{
    private const string Seconds = "[0-9]+\\.[0-9]{2} s";

    private static readonly string StepTimesLine =
        $"^Time per step: clone {Seconds}, detect {Seconds}, build context {Seconds}, build {Seconds}, start {Seconds}, "
        + $"ready {Seconds}, switch {Seconds}, hooks {Seconds}, other {Seconds}; total {Seconds}$";

    [DockerFact]
    public async Task A_deploy_and_a_redeploy_each_end_their_log_with_the_time_of_every_step()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("steps");
        var repo = await GitRepo.CreateAsync(
            ("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n"), ("site/index.html", "one"));

        Assert.Equal(HttpStatusCode.Created, (await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true })).StatusCode);
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var first = await LatestRunAsync(world, name);
        await AssertEndsWithStepTimesAsync(world, name, first);

        await repo.CommitAsync("two", ("site/index.html", "two"));
        Assert.Equal(HttpStatusCode.Accepted, (await world.Api.PostAsync($"/api/deployments/{name}/deploy", null)).StatusCode);
        d = await world.WaitForDeployAsync(name, afterRun: first);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        await AssertEndsWithStepTimesAsync(world, name, await LatestRunAsync(world, name));
    }

    private static async Task AssertEndsWithStepTimesAsync(DeployedApp world, string name, int run)
    {
        var log = (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs?run={run}")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()!).ToList();
        Assert.Matches(StepTimesLine, log[^1]);
        Assert.Matches($"^Deploy #{run} succeeded in ", log[^2]);
    }

    private static async Task<int> LatestRunAsync(DeployedApp world, string name) =>
        (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.EndToEnd;

/// <summary>
/// A rollback is queued like a deploy: asked for while a run executes it waits behind it (202 with the run); the same
/// request again joins it; a different request replaces it, and the newest request is the one that runs. Runs are held
/// in pre_deployment by <see cref="DeployGate"/>, so every "while" is a real condition.
/// </summary>
public sealed class RollbackQueueTests : IDisposable
{
    private readonly DeployGate gate = new();

    public void Dispose() => gate.Dispose();

    [DockerFact]
    public async Task Rollback_while_a_deploy_runs_waits_behind_it_and_the_newest_request_replaces_a_waiting_one()
    {
        await using var world = await DeployedApp.StartAsync(gate.PanelArgs);
        var name = world.NewName("rq");
        var repo = await GitRepo.CreateAsync(("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n"), ("site/index.html", "version one"));
        await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true });
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        var v1 = await LatestRunAsync(world);
        await repo.CommitAsync("v2", ("site/index.html", "version two"));
        var v2 = (await PostAsync(world, $"/api/deployments/{name}/deploy", null)).GetProperty("id").GetInt32();
        Assert.Equal("running", (await world.WaitForDeployAsync(name, afterRun: v1)).GetProperty("status").GetString());

        gate.Hold(name);
        var executing = (await PostAsync(world, $"/api/deployments/{name}/deploy", null)).GetProperty("id").GetInt32();
        Assert.Equal(executing, await gate.WaitEnteredAsync(name, after: v2));

        var rollback = await PostAsync(world, $"/api/deployments/{name}/rollback", null);
        Assert.Equal(("rollback", "queued", v1), (rollback.GetProperty("kind").GetString(), rollback.GetProperty("result").GetString(), rollback.GetProperty("rollback_of").GetInt32()));
        var waiting = rollback.GetProperty("id").GetInt32();
        Assert.Equal(waiting, (await PostAsync(world, $"/api/deployments/{name}/rollback", new { run = v1 })).GetProperty("id").GetInt32());

        var deploy = (await PostAsync(world, $"/api/deployments/{name}/deploy", null)).GetProperty("id").GetInt32();
        var last = (await PostAsync(world, $"/api/deployments/{name}/rollback", new { run = v1 })).GetProperty("id").GetInt32();
        var runs = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
        Assert.Equal([last, deploy, waiting, executing], runs.EnumerateArray().Take(4).Select(r => r.GetProperty("id").GetInt32()));
        Assert.Equal(["queued", "cancelled", "cancelled", "running"], runs.EnumerateArray().Take(4).Select(r => r.GetProperty("result").GetString()));
        Assert.Equal($"Replaced by deploy #{deploy}, asked for before this run started.", runs[2].GetProperty("error").GetString());

        gate.Open(name);
        d = await world.WaitForDeployAsync(name, afterRun: deploy);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
        runs = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
        Assert.Equal(["succeeded", "cancelled", "cancelled", "succeeded"], runs.EnumerateArray().Take(4).Select(r => r.GetProperty("result").GetString()));
        var started = runs[0].GetProperty("started_at").GetDateTimeOffset();
        Assert.True(started >= runs[3].GetProperty("finished_at").GetDateTimeOffset(), "the rollback started before the executing deploy ended");

        async Task<int> LatestRunAsync(DeployedApp w) =>
            (await w.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();
    }

    private static async Task<JsonElement> PostAsync(DeployedApp world, string path, object? body)
    {
        var response = body is null ? await world.Api.PostAsync(path, null) : await world.Api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

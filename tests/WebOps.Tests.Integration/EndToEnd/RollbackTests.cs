using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.EndToEnd;

/// <summary>Releases and rollback through the API, on the real engine: no clone, no build, the release's configuration back.</summary>
public sealed class RollbackTests
{
    private static string Dockerfile => $"FROM {TestImages.Busybox}\nCOPY site/ /www/\nEXPOSE 8080\n";

    [DockerFact]
    public async Task Rollback_serves_the_earlier_release_with_its_environment_and_the_next_deploy_builds_from_git_with_it()
    {
        // Two releases keep their images (the current and the previous one), so the oldest is pruned by the third deploy.
        await using var world = await DeployedApp.StartAsync("--Docker:KeepImages=2");
        var name = world.NewName("rb");
        var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile), ("site/index.html", "version one"));

        Assert.Equal(HttpStatusCode.Created, (await world.Api.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, use_docker = true, env_vars = new Dictionary<string, string> { ["GREETING"] = "v1" } })).StatusCode);
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
        var v1 = await LatestRunAsync(world, name);

        await repo.CommitAsync("v2", ("site/index.html", "version two"));
        Assert.Equal(HttpStatusCode.OK, (await world.Api.PatchAsJsonAsync($"/api/deployments/{name}",
            new { env_vars = new Dictionary<string, string> { ["GREETING"] = "v2" } })).StatusCode);
        var v2 = await DeployAsync(world, name, v1);
        Assert.Equal("version two", await DeployedApp.FetchAsync(url));

        var releases = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/releases");
        Assert.Equal([v2, v1], releases.EnumerateArray().Select(r => r.GetProperty("run").GetInt32()));
        Assert.Equal([true, false], releases.EnumerateArray().Select(r => r.GetProperty("current").GetBoolean()));
        Assert.All(releases.EnumerateArray(), r => Assert.True(r.GetProperty("image_present").GetBoolean()));

        // No body: the release before the current one.
        var asked = await world.Api.PostAsync($"/api/deployments/{name}/rollback", null);
        Assert.True(asked.StatusCode == HttpStatusCode.Accepted, await asked.Content.ReadAsStringAsync());
        var rollback = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rollback", rollback.GetProperty("kind").GetString());
        Assert.Equal(v1, rollback.GetProperty("rollback_of").GetInt32());
        var rollbackRun = rollback.GetProperty("id").GetInt32();
        d = await world.WaitForDeployAsync(name, afterRun: v2);

        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.Equal(url, d.GetProperty("url").GetString());
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
        Assert.Equal($"webops/{name}:deploy-{v1}", d.GetProperty("image").GetString());
        var log = await RunLogAsync(world, name, rollbackRun);
        Assert.DoesNotContain(log, l => l.StartsWith("Step ", StringComparison.Ordinal) || l.Contains("Cloning", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(log, l => l.Contains($"Using image webops/{name}:deploy-{v1} of release #{v1}; nothing is built.", StringComparison.Ordinal));
        Assert.Equal("v1", (await RevealedAsync(world, name)).GetProperty("env_vars").GetProperty("GREETING").GetString());
        Assert.Contains("GREETING=v1", await ContainerEnvAsync(world, name));
        var runs = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
        Assert.Equal("rollback", runs[0].GetProperty("kind").GetString());

        // The next deploy builds the newest commit from git, with the configuration the rollback restored.
        await repo.CommitAsync("v3", ("site/index.html", "version three"));
        var v3 = await DeployAsync(world, name, rollbackRun);
        Assert.Equal("version three", await DeployedApp.FetchAsync(url));
        Assert.Contains(await RunLogAsync(world, name, v3), l => l.StartsWith("Step ", StringComparison.Ordinal));
        Assert.Equal("v1", (await RevealedAsync(world, name)).GetProperty("env_vars").GetProperty("GREETING").GetString());
        Assert.Contains("GREETING=v1", await ContainerEnvAsync(world, name));

        // Kept: v3 (current) and v1's image (the rollback, previous). v2's image was pruned: its rollback is refused.
        var tags = (await world.ImagesAsync(name)).SelectMany(i => i.RepoTags ?? []).ToList();
        Assert.DoesNotContain($"webops/{name}:deploy-{v2}", tags);
        Assert.Contains($"webops/{name}:deploy-{v1}", tags);
        var refused = await world.Api.PostAsJsonAsync($"/api/deployments/{name}/rollback", new { run = v2 });
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, problem);
        Assert.Contains($"its image webops/{name}:deploy-{v2} was removed", problem, StringComparison.Ordinal);
        Assert.Contains("Deploy again", problem, StringComparison.Ordinal);
        var listed = await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/releases");
        Assert.False(listed.EnumerateArray().Single(r => r.GetProperty("run").GetInt32() == v2).GetProperty("image_present").GetBoolean());
        Assert.Equal(v3, (await LatestRunAsync(world, name)));

        // The page: the pruned release's button is disabled and says why; the form rolls back like the API.
        using var browser = await world.Panel.LoggedInAsync();
        var page = await FormPage.LoadAsync(browser, $"/deployments/{name}");
        Assert.Matches($"<tr data-release=\"{v3}\">[\\s\\S]*?data-current>current<", page.Html);
        Assert.Matches($"<tr data-release=\"{v2}\">[\\s\\S]*?<button[^>]*disabled[^>]*title=\"Its image was removed", page.Html);
        var pressed = await page.PostAsync(browser, new() { ["run"] = v1.ToString(System.Globalization.CultureInfo.InvariantCulture) }, handlerUrl: $"/deployments/{name}/rollback");
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        Assert.Equal($"/deployments/{name}#releases", pressed.Headers.Location?.OriginalString);
        var shown = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/deployments/{name}"));
        Assert.Contains($"to release #{v1} queued", shown, StringComparison.Ordinal);
        d = await world.WaitForDeployAsync(name, afterRun: v3);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
    }

    [DockerFact]
    public async Task The_rollback_verb_rolls_back_to_a_chosen_release_and_follows_it_to_the_end()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("rbcli");
        var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile), ("site/index.html", "version one"));
        Assert.Equal(HttpStatusCode.Created, (await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true })).StatusCode);
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        var url = d.GetProperty("url").GetString()!;
        var v1 = await LatestRunAsync(world, name);
        await repo.CommitAsync("v2", ("site/index.html", "version two"));
        var v2 = await DeployAsync(world, name, v1);
        Assert.Equal("version two", await DeployedApp.FetchAsync(url));

        var run = await WebOpsCli.RunAsync(
            "rollback", name, "--to", v1.ToString(System.Globalization.CultureInfo.InvariantCulture), "--follow",
            "--url", world.Panel.BaseAddress.ToString(), "--token", world.Api.DefaultRequestHeaders.Authorization!.Parameter!);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains($"Using image webops/{name}:deploy-{v1} of release #{v1}; nothing is built.", StringComparison.Ordinal));
        Assert.Matches($"^Rollback #[0-9]+ of '{name}' succeeded in [0-9.]+ s\\.$", lines[^1]);
        Assert.Equal("version one", await DeployedApp.FetchAsync(url));
        Assert.True(await LatestRunAsync(world, name) > v2);
    }

    [DockerFact]
    public async Task Rollback_to_an_unknown_or_failed_run_is_refused_naming_the_run()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("rf");
        var repo = await GitRepo.CreateAsync(("Dockerfile", "FROM scratch\nRUN false\n"));
        await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true });
        var d = await world.WaitForDeployAsync(name);
        Assert.Equal("failed", d.GetProperty("status").GetString());
        var failed = await LatestRunAsync(world, name);

        var unknown = await world.Api.PostAsJsonAsync($"/api/deployments/{name}/rollback", new { run = 999999 });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains($"'{name}' has no run #999999", errors.GetProperty("run")[0].GetString(), StringComparison.Ordinal);

        var notRelease = await world.Api.PostAsJsonAsync($"/api/deployments/{name}/rollback", new { run = failed });
        Assert.Equal(HttpStatusCode.BadRequest, notRelease.StatusCode);
        Assert.Contains($"Run #{failed} of '{name}' is failed, not a release",
            (await notRelease.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("run")[0].GetString(), StringComparison.Ordinal);

        var none = await world.Api.PostAsync($"/api/deployments/{name}/rollback", null);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("no release before the current one", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(failed, await LatestRunAsync(world, name));
    }

    private static async Task<int> DeployAsync(DeployedApp world, string name, int after)
    {
        var run = await world.Api.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        var d = await world.WaitForDeployAsync(name, afterRun: after);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
        return await LatestRunAsync(world, name);
    }

    private static async Task<int> LatestRunAsync(DeployedApp world, string name) =>
        (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();

    private static async Task<List<string>> RunLogAsync(DeployedApp world, string name, int run) =>
        [.. (await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs?run={run}")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()!)];

    private static Task<JsonElement> RevealedAsync(DeployedApp world, string name) =>
        world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}?reveal=true");

    private static async Task<IList<string>> ContainerEnvAsync(DeployedApp world, string name)
    {
        var container = (await world.ContainersAsync(name)).Single(c => c.State == "running");
        return (await world.Engine.Containers.InspectContainerAsync(container.ID)).Config?.Env ?? [];
    }
}

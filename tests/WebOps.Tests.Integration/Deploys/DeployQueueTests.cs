using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.Deploys;

/// <summary>
/// The deploy queue through the real panel: a deploy asked for while another runs is never refused; it queues one
/// run after it (which deploys the newest commit) or joins the run already waiting. Runs of different deployments go
/// side by side up to <c>Deployments:MaxParallel</c>. Runs are held in pre_deployment by <see cref="DeployGate"/>, so
/// every "while" below is a real condition, and only the recorded order of timestamps is asserted.
/// </summary>
public sealed class DeployQueueTests : IDisposable
{
    private readonly DeployGate gate = new();

    public void Dispose() => gate.Dispose();

    [Fact]
    public async Task Ten_requests_while_a_deploy_runs_queue_exactly_one_more_run_which_deploys_the_newest_commit()
    {
        await using var panel = await PanelApp.StartAsync(gate.PanelArgs);
        using var api = await panel.WithTokenAsync();
        var name = NewName("coal");
        var repo = await GitRepo.CreateAsync(Apps.Static());
        gate.Hold(name);
        await CreateAsync(api, name, repo);
        var executing = await gate.WaitEnteredAsync(name);
        await repo.CommitAsync("second version", ("index.html", "<!doctype html><h1>second version</h1>"));
        var newest = await repo.HeadAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => DeployAsync(api, name)));
        var queued = Assert.Single(answers.Select(a => a.Id).Distinct());
        var again = await DeployAsync(api, name);

        Assert.NotEqual(executing, queued);
        Assert.All(answers, a => Assert.Equal("queued", a.Result));
        Assert.Equal(queued, again.Id);
        Assert.Equal([queued, executing], (await RunsAsync(api, name)).Select(r => r.Id));
        gate.Open(name);
        var deployed = await DeployWait.ForRunEndAsync(api, name, afterRun: executing, minutes: 3);
        var runs = await RunsAsync(api, name);
        Assert.Equal([queued, executing], runs.Select(r => r.Id));
        Assert.All(runs, r => Assert.True(r.Result == "succeeded", $"run #{r.Id} {r.Result}: {r.Error}"));
        Assert.Equal(newest, runs[0].CommitSha);
        Assert.NotEqual(newest, runs[1].CommitSha);
        Assert.True(runs[0].StartedAt >= runs[1].FinishedAt, $"run #{queued} started at {runs[0].StartedAt:O}, before run #{executing} finished at {runs[1].FinishedAt:O}");
        Assert.Equal("running", deployed.GetProperty("status").GetString());
        Assert.Equal(newest, deployed.GetProperty("commit_sha").GetString());
        Assert.Contains("second version", await ProcessPanel.TryGetAsync(deployed.GetProperty("url").GetString()!), StringComparison.Ordinal);
        var app = Path.Combine(panel.DataFolder, "apps", name);
        Assert.Equal(["current"], Directory.EnumerateDirectories(app).Select(Path.GetFileName));
    }

    [Fact]
    public async Task With_MaxParallel_2_two_deployments_deploy_at_the_same_time()
    {
        await using var panel = await PanelApp.StartAsync(gate.PanelArgs, "--Deployments:MaxParallel=2");
        using var api = await panel.WithTokenAsync();
        var (a, b) = (NewName("para"), NewName("parb"));
        gate.Hold(a);
        gate.Hold(b);
        await CreateAsync(api, a, await GitRepo.CreateAsync(Apps.Static()));
        await CreateAsync(api, b, await GitRepo.CreateAsync(Apps.Static()));

        // Both runs are inside pre_deployment at once: neither waited for the other.
        var runA = await gate.WaitEnteredAsync(a);
        var runB = await gate.WaitEnteredAsync(b);
        gate.Open(a);
        gate.Open(b);
        var (ranA, ranB) = (await EndedRunAsync(api, a, runA), await EndedRunAsync(api, b, runB));

        Assert.True(ranA.StartedAt < ranB.FinishedAt && ranB.StartedAt < ranA.FinishedAt,
            $"{a} ran {ranA.StartedAt:O}..{ranA.FinishedAt:O}, {b} ran {ranB.StartedAt:O}..{ranB.FinishedAt:O}: they did not overlap");
    }

    [Fact]
    public async Task With_MaxParallel_1_deployments_deploy_one_after_the_other_and_a_request_joins_the_waiting_run()
    {
        await using var panel = await PanelApp.StartAsync(gate.PanelArgs, "--Deployments:MaxParallel=1");
        using var api = await panel.WithTokenAsync();
        var (a, b) = (NewName("sera"), NewName("serb"));
        gate.Hold(a);
        gate.Hold(b);
        await CreateAsync(api, a, await GitRepo.CreateAsync(Apps.Static()));
        await CreateAsync(api, b, await GitRepo.CreateAsync(Apps.Static()));
        var runA = await gate.WaitEnteredAsync(a);
        var waiting = Assert.Single(await RunsAsync(api, b));

        // b's first run waits for a worker; asking again answers with it instead of queueing another.
        var joined = await DeployAsync(api, b);
        Assert.Equal(waiting.Id, joined.Id);
        Assert.Equal("queued", joined.Result);

        // Given a moment, b's run still does not start while a's holds the only worker.
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(200);
            Assert.True(gate.Entered().Count == 1, $"both deployed at once with MaxParallel=1: {string.Join(", ", gate.Entered())}");
        }

        gate.Open(a);
        gate.Open(b);
        var ranA = await EndedRunAsync(api, a, runA);
        var ranB = await EndedRunAsync(api, b, waiting.Id);
        Assert.True(ranB.StartedAt >= ranA.FinishedAt, $"{b} started at {ranB.StartedAt:O}, before {a} finished at {ranA.FinishedAt:O}");
    }

    [Fact]
    public async Task After_a_panel_restart_the_run_that_waited_is_cancelled_and_the_one_cut_short_failed()
    {
        var first = await PanelApp.StartAsync(gate.PanelArgs, "--Deployments:MaxParallel=1");
        var (a, b) = (NewName("rsta"), NewName("rstb"));
        int runA;
        Run waiting;
        try
        {
            using var api = await first.WithTokenAsync();
            gate.Hold(a);
            gate.Hold(b);
            await CreateAsync(api, a, await GitRepo.CreateAsync(Apps.Static()));
            await CreateAsync(api, b, await GitRepo.CreateAsync(Apps.Static()));
            runA = await gate.WaitEnteredAsync(a);
            waiting = Assert.Single(await RunsAsync(api, b));
            Assert.Equal("queued", waiting.Result);
        }
        finally
        {
            await first.StopAsync();
        }

        gate.Open(a);
        gate.Open(b);
        await using var again = await PanelApp.StartInFolderAsync(first.DataFolder, gate.PanelArgs, "--Deployments:MaxParallel=1");
        using var client = await again.WithTokenAsync();
        var cut = Assert.Single(await RunsAsync(client, a));
        var cancelled = Assert.Single(await RunsAsync(client, b));

        Assert.Equal((runA, "failed"), (cut.Id, cut.Result));
        Assert.Equal((waiting.Id, "cancelled", "cancelled: the panel stopped before this deploy started; redeploy"), (cancelled.Id, cancelled.Result, cancelled.Error));
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Null(cancelled.StartedAt);
        var redeployed = await DeployAsync(client, b);
        Assert.Equal("succeeded", (await EndedRunAsync(client, b, redeployed.Id)).Result);
        Assert.Equal(2, (await RunsAsync(client, b)).Length);
    }

    [Fact]
    public async Task A_deployment_whose_run_shows_its_result_is_free_at_once_for_delete()
    {
        // A client that polls the runs API and deletes the moment the run ends must never meet "a deploy is running".
        // Each run fails at once (the branch does not exist), so the end of the run is most of the time spent; a short
        // log makes every run trim its log after it ended.
        await using var panel = await PanelApp.StartAsync("--Deployments:MaxLogLines=2");
        using var api = await panel.WithTokenAsync();
        var repo = await GitRepo.CreateAsync(Apps.Static());
        for (var i = 0; i < 20; i++)
        {
            var name = NewName("free");
            var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, branch = "no-such-branch", project_type = "static", use_docker = false });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while ((await RunsAsync(api, name)) is not [{ Result: "failed" }])
            {
                Assert.True(DateTime.UtcNow < deadline, $"the run of {name} did not fail within 2 minutes");
            }

            using var deleted = await api.DeleteAsync($"/api/deployments/{name}");
            Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, $"round {i}: {(int)deleted.StatusCode} {await deleted.Content.ReadAsStringAsync()}");
        }
    }

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static async Task CreateAsync(HttpClient api, string name, GitRepo repo)
    {
        var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, project_type = "static", use_docker = false });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    /// <summary>Asks for a deploy; it must be accepted (202) with a run.</summary>
    private static async Task<Run> DeployAsync(HttpClient api, string name)
    {
        using var response = await api.PostAsync($"/api/deployments/{name}/deploy", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"deploy {name}: {(int)response.StatusCode} {body}");
        return Run.From(JsonDocument.Parse(body).RootElement);
    }

    private static async Task<Run[]> RunsAsync(HttpClient api, string name) =>
        [.. (await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs")).EnumerateArray().Select(Run.From)];

    /// <summary>Waits until run <paramref name="id"/> ended and succeeded; returns it.</summary>
    private static async Task<Run> EndedRunAsync(HttpClient api, string name, int id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var run = (await RunsAsync(api, name)).Single(r => r.Id == id);
            if (run.FinishedAt is not null)
            {
                Assert.True(run.Result == "succeeded", $"run #{id} of {name} {run.Result}: {run.Error}");
                return run;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Run #{id} of '{name}' did not end within 3 minutes.");
    }

    private sealed record Run(int Id, string Result, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? CommitSha, string? Error)
    {
        public static Run From(JsonElement r) => new(
            r.GetProperty("id").GetInt32(), r.GetProperty("result").GetString()!, Time(r, "started_at"), Time(r, "finished_at"),
            r.GetProperty("commit_sha").GetString(), r.GetProperty("error").GetString());

        private static DateTimeOffset? Time(JsonElement r, string field) =>
            r.GetProperty(field).GetString() is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;
using static WebOps.Tests.Integration.Webhooks.HookSender;

namespace WebOps.Tests.Integration.Webhooks;

/// <summary>A push delivered to the hook deploys the new commit for real: the served page changes.</summary>
public sealed class PushToDeployTests(HookPanel hooks) : IClassFixture<HookPanel>
{
    [Fact]
    public async Task Push_delivery_deploys_the_pushed_commit_and_the_app_serves_it()
    {
        var (secret, repo) = await hooks.DeployedWithSecretAsync("pushed", "<h1>first release</h1>");
        var first = await hooks.Api.GetFromJsonAsync<JsonElement>("/api/deployments/pushed");
        var url = first.GetProperty("url").GetString()!;
        Assert.Contains("first release", await ProcessPanel.TryGetAsync(url), StringComparison.Ordinal);

        await repo.CommitAsync("second release", ("index.html", "<h1>second release</h1>"));
        var pushed = await repo.HeadAsync();
        using var response = await SendAsync(hooks.Stranger, "github", "pushed", secret, "push", PushBody("main", pushed));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetInt32();

        var deployed = await DeployWait.ForRunEndAsync(hooks.Api, "pushed", run - 1, minutes: 4);
        var runs = await hooks.Api.GetFromJsonAsync<JsonElement>("/api/deployments/pushed/runs");
        var ran = runs.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == run);
        Assert.True(ran.GetProperty("result").GetString() == "succeeded", await ProcessPanel.LogAsync(hooks.Api, "pushed"));
        Assert.Equal(pushed, ran.GetProperty("commit_sha").GetString());
        Assert.Equal(pushed, deployed.GetProperty("commit_sha").GetString());
        await ProcessPanel.EventuallyAsync(
            async () => (await ProcessPanel.TryGetAsync(deployed.GetProperty("url").GetString()!))?.Contains("second release", StringComparison.Ordinal) == true,
            "the app serves the pushed commit's page");
        Assert.Contains($"GitHub delivery: push to 'main' ({pushed[..7]}): queued deploy #{run}.", await ProcessPanel.LogAsync(hooks.Api, "pushed"), StringComparison.Ordinal);

        // The audit log names the provider for the deploy it asked for and for the delivery itself.
        var deploys = await hooks.Api.GetFromJsonAsync<JsonElement>("/api/audit?target=pushed&action=deployment.deploy");
        Assert.Contains(deploys.GetProperty("entries").EnumerateArray(), e =>
            e.GetProperty("actor").GetString() == "github" && e.GetProperty("details").GetString() == $"run #{run}");
        await ProcessPanel.EventuallyAsync(
            async () => (await hooks.Api.GetFromJsonAsync<JsonElement>("/api/audit?target=pushed&action=webhook.delivery")).GetProperty("entries")
                .EnumerateArray().Any(e => e.GetProperty("actor").GetString() == "github" && e.GetProperty("details").GetString()!.StartsWith("push on main: 202", StringComparison.Ordinal)),
            "the delivery is in the audit log");
    }
}

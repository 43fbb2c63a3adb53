using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.Webhooks.HookSender;

namespace WebOps.Tests.Integration.Webhooks;

/// <summary>Deliveries from each provider through real HTTP requests to a real panel, with good and bad signatures.</summary>
public sealed class HookDeliveryTests(HookPanel hooks) : IClassFixture<HookPanel>
{
    private HttpClient Stranger => hooks.Stranger;

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("gitea")]
    [InlineData("generic")]
    public async Task Signed_push_to_the_branch_queues_a_deploy_and_a_bad_signature_queues_nothing(string provider)
    {
        var name = "hook-" + provider;
        var (secret, _) = await hooks.DeployedWithSecretAsync(name);
        var before = await hooks.RunIdsAsync(name);

        using var forged = await SendAsync(Stranger, provider, name, "not-the-secret", PushEvent(provider), PushBody("main"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var unsigned = await SendAsync(Stranger, provider, name, null, PushEvent(provider), PushBody("main"));
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(before, await hooks.RunIdsAsync(name));

        using var good = await SendAsync(Stranger, provider, name, secret, PushEvent(provider), provider == "generic" ? "" : PushBody("main"));
        var body = await good.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.True(answer.GetProperty("queued").GetBoolean(), body);
        var run = answer.GetProperty("run").GetInt32();
        Assert.DoesNotContain(run, before);
        Assert.Contains(run, await hooks.RunIdsAsync(name));
        Assert.Contains($"queued deploy #{run}", answer.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var deliveries = await hooks.DeliveriesAsync(name, 3);
        Assert.Equal([202, 401, 401], deliveries.Select(d => d.GetProperty("status").GetInt32()));
        Assert.Equal(run, deliveries[0].GetProperty("run").GetInt32());
        Assert.Equal("main", deliveries[0].GetProperty("branch").GetString());
        // Without its header a generic delivery names no provider at all.
        Assert.Equal([provider, provider == "generic" ? "unknown" : provider, provider], deliveries.Select(d => d.GetProperty("provider").GetString()));
        Assert.StartsWith("no signature", deliveries[1].GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal($"wrong {provider} signature", deliveries[2].GetProperty("result").GetString());
        await DeployWait.ForRunEndAsync(hooks.Api, name, run - 1);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("gitlab")]
    [InlineData("gitea")]
    [InlineData("generic")]
    public async Task Push_to_another_branch_answers_202_with_the_reason_and_deploys_nothing(string provider)
    {
        var name = "other-" + provider;
        var (secret, _) = await hooks.DeployedWithSecretAsync(name);
        var before = await hooks.RunIdsAsync(name);

        var body = provider == "generic" ? """{"branch":"dev"}""" : PushBody("dev");
        using var response = await SendAsync(Stranger, provider, name, secret, PushEvent(provider), body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("queued").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("run").ValueKind);
        Assert.Equal("push to 'dev'; this deployment deploys 'main'", answer.GetProperty("reason").GetString());
        Assert.Equal(before, await hooks.RunIdsAsync(name));
    }

    [Theory]
    [InlineData("github", "push")]
    [InlineData("gitlab", "Tag Push Hook")]
    [InlineData("gitea", "push")]
    public async Task Tag_push_answers_202_and_deploys_nothing(string provider, string eventName)
    {
        var name = "tag-" + provider;
        var (secret, _) = await hooks.DeployedWithSecretAsync(name);
        var before = await hooks.RunIdsAsync(name);

        using var response = await SendAsync(Stranger, provider, name, secret, eventName, TagBody("v1.0.0"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("tag 'v1.0.0' is not a branch; pushes to 'main' deploy", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(before, await hooks.RunIdsAsync(name));
    }

    [Fact]
    public async Task GitHub_ping_answers_202_ping_and_deploys_nothing()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("pinged");
        var before = await hooks.RunIdsAsync("pinged");

        using var response = await SendAsync(Stranger, "github", "pinged", secret, "ping", """{"zen":"Design for failure.","hook_id":42,"hook":{"type":"Repository","events":["push"]}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("ping", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await hooks.RunIdsAsync("pinged"));
        var delivery = (await hooks.DeliveriesAsync("pinged", 1))[0];
        Assert.Equal(("ping", 202), (delivery.GetProperty("event").GetString(), delivery.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Auto_deploy_off_answers_202_and_deploys_nothing_until_turned_back_on()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("manual");
        var patched = await hooks.Api.PatchAsync("/api/deployments/manual", JsonContent.Create(new { auto_deploy = false }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.False((await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auto_deploy").GetBoolean());
        var before = await hooks.RunIdsAsync("manual");

        using var off = await SendAsync(Stranger, "github", "manual", secret, "push", PushBody("main"));

        Assert.Equal(HttpStatusCode.Accepted, off.StatusCode);
        Assert.StartsWith("auto deploy is off", (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await hooks.RunIdsAsync("manual"));

        await hooks.Api.PatchAsync("/api/deployments/manual", JsonContent.Create(new { auto_deploy = true }));
        using var on = await SendAsync(Stranger, "github", "manual", secret, "push", PushBody("main"));
        Assert.Equal(HttpStatusCode.Accepted, on.StatusCode);
        var run = (await on.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetInt32();
        await DeployWait.ForRunEndAsync(hooks.Api, "manual", run - 1);
    }

    [Fact]
    public async Task Unknown_name_is_answered_exactly_like_a_bad_signature()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("known");

        using var wrong = await SendAsync(Stranger, "github", "known", "guess", "push", PushBody("main"));
        using var unknown = await SendAsync(Stranger, "github", "no-such-app", secret, "push", PushBody("main"));
        using var noSecretYet = await SendAsync(Stranger, "gitlab", "no-such-app", "", "Push Hook", PushBody("main"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noSecretYet.StatusCode);
        var text = await WithoutTraceAsync(wrong);
        Assert.Equal(text, await WithoutTraceAsync(unknown));
        Assert.Equal(text, await WithoutTraceAsync(noSecretYet));
        Assert.DoesNotContain("no-such-app", text, StringComparison.Ordinal);
        Assert.DoesNotContain("known", text, StringComparison.Ordinal);
    }

    /// <summary>The answer's body without the per-request trace id; every other byte must match.</summary>
    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"trace_id\":\"[^\"]*\"", "");

    [Fact]
    public async Task Deployment_without_a_secret_refuses_every_delivery()
    {
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>no secret</h1>"));
        await ProcessAddon.ProcessPanel.DeployAsync(hooks.Api, "nosecret", repo, "static");
        Assert.False((await hooks.HookAsync("nosecret")).GetProperty("secret_set").GetBoolean());

        using var response = await SendAsync(Stranger, "generic", "nosecret", "", null, "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("no webhook secret yet", (await hooks.DeliveriesAsync("nosecret", 1))[0].GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_1_MiB_is_refused_with_413_and_exactly_1_MiB_is_read()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("big");
        var before = await hooks.RunIdsAsync("big");

        // Valid JSON padded with spaces, correctly signed: only the size is wrong.
        var tooBig = Padded(PushBody("main"), (1 << 20) + 1);
        using (var request = Request("github", "big", secret, "push", tooBig))
        using (var response = await Stranger.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("larger than 1048576 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Sent in chunks with no length given, the limit is found while reading.
        using (var request = Request("github", "big", secret, "push", tooBig))
        {
            request.Content = new StreamContent(new MemoryStream(tooBig));
            request.Headers.TransferEncodingChunked = true;
            using var response = await Stranger.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        Assert.Equal(before, await hooks.RunIdsAsync("big"));
        using (var request = Request("github", "big", secret, "push", Padded(PushBody("dev"), 1 << 20)))
        using (var response = await Stranger.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Fact]
    public async Task Signed_body_that_is_not_json_is_a_400_that_says_so()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("garbled");

        using var response = await SendAsync(Stranger, "generic", "garbled", secret, null, "branch=main");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The body is not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_secret_replaces_the_old_one_and_is_never_shown_again()
    {
        var (first, _) = await hooks.DeployedWithSecretAsync("rotated");
        var second = await hooks.NewSecretAsync("rotated");
        Assert.NotEqual(first, second);

        using var old = await SendAsync(Stranger, "github", "rotated", first, "push", PushBody("dev"));
        using var current = await SendAsync(Stranger, "github", "rotated", second, "push", PushBody("dev"));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);

        var hook = await hooks.HookAsync("rotated");
        Assert.True(hook.GetProperty("secret_set").GetBoolean());
        Assert.Equal(new Uri(hooks.Panel.BaseAddress, "/api/hooks/rotated").ToString(), hook.GetProperty("url").GetString());
        foreach (var read in new[] { hook.GetRawText(), await hooks.Api.GetStringAsync("/api/deployments/rotated?reveal=true"), await hooks.Api.GetStringAsync("/api/deployments") })
        {
            Assert.DoesNotContain(second, read, StringComparison.Ordinal);
        }

        // At rest it is encrypted: the database file does not hold it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var database = await File.ReadAllBytesAsync(Path.Combine(hooks.Panel.DataFolder, "webops.db"));
        Assert.Equal(-1, database.AsSpan().IndexOf(Encoding.UTF8.GetBytes(second)));
    }

    [Fact]
    public async Task Only_the_newest_20_deliveries_are_kept()
    {
        var (secret, _) = await hooks.DeployedWithSecretAsync("busy");
        for (var i = 0; i < 23; i++)
        {
            using var response = await SendAsync(Stranger, "generic", "busy", secret, null, $$"""{"branch":"b{{i}}"}""");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string?> branches;
        do
        {
            await Task.Delay(100);
            branches = [.. (await hooks.HookAsync("busy")).GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("branch").GetString())];
        }
        while (branches.FirstOrDefault() != "b22" && DateTime.UtcNow < deadline);

        Assert.Equal(Enumerable.Range(3, 20).Reverse().Select(i => $"b{i}"), branches);
    }

    [Fact]
    public async Task Hook_settings_need_a_login_but_the_hook_does_not()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Stranger.PostAsync("/api/deployments/x/webhook-secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Stranger.GetAsync("/api/deployments/x/webhook")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hooks.Api.PostAsync("/api/deployments/x/webhook-secret", null)).StatusCode);
    }

    private static byte[] Padded(string json, int size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        Encoding.UTF8.GetBytes(json).CopyTo(bytes, 0);
        return bytes;
    }
}

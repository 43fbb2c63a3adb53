using System.Net;
using System.Net.Http.Json;
using WebOps.Audit;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;
using static WebOps.Tests.Integration.Audit.AuditClient;

namespace WebOps.Tests.Integration.Audit;

/// <summary>
/// Every action on a deployment is recorded once, by whoever did it: the API token by its name, the signed-in user
/// by theirs, whether through the API or the pages. A static site run by the panel itself needs no Docker.
/// </summary>
public sealed class DeploymentAuditTests
{
    private const string FirstSecret = "first-Secret-value-91f3";
    private const string SecondSecret = "second-Secret-value-77ab";

    [Fact]
    public async Task Create_edit_deploy_start_stop_restart_and_delete_are_recorded_with_their_actor_and_no_secret_value()
    {
        await using var panel = await PanelApp.StartAsync();
        var name = "aud" + Guid.NewGuid().ToString("N")[..6];
        using var api = await WithTokenNamedAsync(panel, "ci-bot");
        using var browser = await panel.LoggedInAsync();

        await ProcessPanel.DeployAsync(api, name, await GitRepo.CreateAsync(Apps.Static()), "static", new() { ["SECRET_KEY"] = FirstSecret });
        using (var patch = await api.PatchAsJsonAsync($"/api/deployments/{name}", new { env_vars = new Dictionary<string, string> { ["SECRET_KEY"] = SecondSecret, ["ADDED"] = "plain" } }))
        {
            Assert.True(patch.IsSuccessStatusCode, await patch.Content.ReadAsStringAsync());
        }

        foreach (var handler in new[] { "Stop", "Start", "Restart" })
        {
            var detail = await FormPage.LoadAsync(browser, $"/deployments/{name}");
            using var pressed = await detail.PostAsync(browser, [], handlerUrl: $"/deployments/{name}?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        }

        await ProcessPanel.RedeployAsync(api, name);
        var redeployRun = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32();
        using (var deleted = await api.DeleteAsync($"/api/deployments/{name}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var entries = await EntriesAsync(api, $"?target={name}");
        Assert.Equal(
        [
            (AuditActions.Create, "ci-bot", "token", null),
            (AuditActions.Deploy, "ci-bot", "token", $"run #{redeployRun - 1}"),
            (AuditActions.Edit, "ci-bot", "token", "changed: env_vars.ADDED, env_vars.SECRET_KEY"),
            (AuditActions.Stop, PanelApp.AdminUser, "user", null),
            (AuditActions.Start, PanelApp.AdminUser, "user", null),
            (AuditActions.Restart, PanelApp.AdminUser, "user", null),
            (AuditActions.Deploy, "ci-bot", "token", $"run #{redeployRun}"),
            (AuditActions.Delete, "ci-bot", "token", null),
        ],
        entries.AsEnumerable().Reverse().Select(e => (e.Action, e.Actor, e.ActorKind, e.Details)));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.Address));

        var table = await RawTableAsync(panel.DataFolder);
        Assert.Contains("env_vars.SECRET_KEY", table, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstSecret, table, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondSecret, table, StringComparison.Ordinal);
        Assert.DoesNotContain("plain", table, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Core.Deployments;
using WebOps.Data;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;
using static WebOps.Tests.Integration.ProcessAddon.ProcessPanel;

namespace WebOps.Tests.Integration.Api;

/// <summary>
/// The buttons a person sees and the API a script calls give the same answer: for every status and action, the API
/// refuses exactly when the rendered page disables the button, and the page script's data says the same.
/// </summary>
public sealed partial class ActionAgreementTests : IAsyncLifetime
{
    private readonly DeployGate gate = new();
    private PanelApp panel = null!;
    private HttpClient api = null!;
    private HttpClient browser = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync(gate.PanelArgs);
        api = await panel.WithTokenAsync();
        browser = await panel.LoggedInAsync();
    }

    public async Task DisposeAsync()
    {
        api.Dispose();
        browser.Dispose();
        await panel.DisposeAsync();
        gate.Dispose();
    }

    [Fact]
    public async Task A_failed_redeploy_leaves_the_old_release_serving_and_both_the_page_and_the_api_stop_it()
    {
        var deployed = await DeployAsync(api, "keepup", await GitRepo.CreateAsync(Apps.Static()), "static");
        var url = deployed.GetProperty("url").GetString()!;
        var port = deployed.GetProperty("host_port").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PatchAsync("/api/deployments/keepup", JsonContent.Create(new { branch = "gone" }))).StatusCode);
        var queued = await api.PostAsync("/api/deployments/keepup/deploy", null);
        var run = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var failed = await DeployWait.ForRunEndAsync(api, "keepup", afterRun: run - 1);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("static without docker", await TryGetAsync(url), StringComparison.Ordinal);
        var page = await browser.GetStringAsync("/deployments/keepup");
        Assert.True(Buttons(page)["stop"].Enabled, "The detail page disables Stop for a failed deployment whose old release still serves.");
        var stopped = await api.PostAsync("/api/deployments/keepup/stop", null);
        Assert.True(stopped.IsSuccessStatusCode, await stopped.Content.ReadAsStringAsync());
        Assert.Equal("stopped", (await stopped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.False(PortOpen(port), $"The old release still answers on port {port} after stop.");
    }

    [Fact]
    public async Task For_every_status_the_api_refuses_an_action_exactly_when_the_page_disables_its_button()
    {
        await DeployAsync(api, "agree", await GitRepo.CreateAsync(Apps.Static()), "static");
        var disagreements = new List<string>();
        foreach (var status in Enum.GetValues<DeploymentStatus>())
        {
            foreach (var action in new[] { "start", "stop", "restart", "deploy" })
            {
                await SetStatusAsync("agree", status);
                var button = Buttons(await browser.GetStringAsync("/deployments/agree"))[action];
                var response = await api.PostAsync($"/api/deployments/agree/{action}", null);
                var body = await response.Content.ReadAsStringAsync();
                Check(disagreements, $"{action} when {Text(status)}", status, button, response.IsSuccessStatusCode, body);
                if (action == "deploy" && response.IsSuccessStatusCode)
                {
                    await DeployWait.ForRunEndAsync(api, "agree", JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32() - 1);
                }
            }

            // Delete ends the deployment, so each status gets one of its own; it was never deployed, so nothing runs.
            var name = "gone-" + Text(status);
            await AddAsync(name, status);
            var deletePage = await browser.GetStringAsync($"/deployments/{name}/delete");
            var deleteEnabled = !DeleteButton().Match(deletePage).Groups["attrs"].Value.Contains("disabled", StringComparison.Ordinal);
            var deleted = await api.DeleteAsync($"/api/deployments/{name}");
            if (deleteEnabled != deleted.IsSuccessStatusCode)
            {
                disagreements.Add($"delete when {Text(status)}: page {(deleteEnabled ? "enables" : "disables")} it, API answers {(int)deleted.StatusCode} {await deleted.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public async Task While_a_deploy_runs_only_redeploy_stays_offered_and_pressing_it_queues_one_run_after_it()
    {
        await DeployAsync(api, "held", await GitRepo.CreateAsync(Apps.Static()), "static");
        gate.Hold("held");
        var executing = (await (await api.PostAsync("/api/deployments/held/deploy", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(executing, await gate.WaitEnteredAsync("held"));
        try
        {
            var page = await browser.GetStringAsync("/deployments/held");
            Assert.Contains("data-deploying=\"true\"", page, StringComparison.Ordinal);
            var buttons = Buttons(page);
            Assert.True(buttons["deploy"].Enabled, "Redeploy is disabled while a deploy runs");
            Assert.Contains("building", buttons["deploy"].EnabledWhen.Split(' '));
            Assert.All(buttons.Where(b => b.Key != "deploy"), b => Assert.False(b.Value.Enabled, $"{b.Key} is enabled while a deploy holds the deployment"));
            Assert.Contains("disabled", DeleteButton().Match(await browser.GetStringAsync("/deployments/held/delete")).Groups["attrs"].Value, StringComparison.Ordinal);
            Assert.Equal("Cannot stop 'held' while it is deploying; wait for the deploy to finish.", await RefusalAsync(api.PostAsync("/api/deployments/held/stop", null)));
            Assert.Equal("Cannot start 'held' while it is deploying; wait for the deploy to finish.", await RefusalAsync(api.PostAsync("/api/deployments/held/start", null)));
            Assert.Equal("Cannot restart 'held' while it is deploying; wait for the deploy to finish.", await RefusalAsync(api.PostAsync("/api/deployments/held/restart", null)));
            Assert.Equal("'held' is deploying; wait for the deploy to finish, then delete it.", await RefusalAsync(api.DeleteAsync("/api/deployments/held")));

            var pressed = await PressRedeployAsync("held");
            var queued = (await api.GetFromJsonAsync<JsonElement>("/api/deployments/held/runs"))[0].GetProperty("id").GetInt32();
            Assert.Contains($"Deploy #{queued} queued; it starts when deploy #{executing} ends and deploys the newest commit then.", pressed, StringComparison.Ordinal);
            Assert.Contains($"Deploy #{queued} is already queued; it deploys the newest commit when it starts.", await PressRedeployAsync("held"), StringComparison.Ordinal);
            var joined = await api.PostAsync("/api/deployments/held/deploy", null);
            Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
            Assert.Equal(queued, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
        }
        finally
        {
            gate.Open("held");
        }

        Assert.Equal("running", (await DeployWait.ForRunEndAsync(api, "held", afterRun: executing, minutes: 3)).GetProperty("status").GetString());
    }

    /// <summary>Submits the detail page's Redeploy form as a browser without script would; returns the page it leads back to.</summary>
    private async Task<string> PressRedeployAsync(string name)
    {
        var form = await FormPage.LoadAsync(browser, $"/deployments/{name}");
        var response = await form.PostAsync(browser, [], handlerUrl: $"/deployments/{name}?handler=Deploy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await browser.GetStringAsync(response.Headers.Location!.ToString()));
    }

    /// <summary>
    /// One (status, action) cell: the server-rendered button, the page script's rule over <c>data-enabled-when</c>
    /// (as deployment.js applies it) and the API must all agree, and an accepted action must land where the table says.
    /// </summary>
    private static void Check(List<string> disagreements, string what, DeploymentStatus status, Button button, bool accepted, string body)
    {
        var scriptEnables = button.EnabledWhen.Split(' ').Contains(Text(status));
        if (button.Enabled != accepted || scriptEnables != button.Enabled)
        {
            disagreements.Add($"{what}: page {(button.Enabled ? "enables" : "disables")} it, page script would {(scriptEnables ? "enable" : "disable")} it, API {(accepted ? "accepts" : "refuses")}: {body}");
            return;
        }

        var action = Enum.Parse<DeploymentAction>(what.Split(' ')[0], ignoreCase: true);
        if (accepted && action != DeploymentAction.Deploy)
        {
            var landed = JsonDocument.Parse(body).RootElement.GetProperty("status").GetString();
            if (landed != Text(StatusRules.For(action).LeadsTo!.Value))
            {
                disagreements.Add($"{what}: accepted, but the deployment is now {landed}");
            }
        }
    }

    private static async Task<string> RefusalAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    /// <summary>Puts the deployment in <paramref name="status"/> as a saved row, the way the page and the API will read it.</summary>
    private async Task SetStatusAsync(string name, DeploymentStatus status)
    {
        await using var scope = panel.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        await db.Deployments.Where(d => d.Name == name).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status));
    }

    private async Task AddAsync(string name, DeploymentStatus status)
    {
        await using (var scope = panel.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            db.Deployments.Add(new Deployment { Name = name, RepoUrl = "https://example.invalid/never-cloned.git", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await SetStatusAsync(name, status);
    }

    private async Task<int> IdAsync(string name)
    {
        await using var scope = panel.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebOpsDbContext>().Deployments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    private static string Text(DeploymentStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The detail page's action buttons by action: enabled as rendered, and the statuses the script enables them in.</summary>
    private static Dictionary<string, Button> Buttons(string html) =>
        ActionButton().Matches(html).ToDictionary(
            m => m.Groups["action"].Value,
            m => new Button(
                !DisabledAttribute().IsMatch(m.Groups["attrs"].Value),
                WebUtility.HtmlDecode(EnabledWhen().Match(m.Groups["attrs"].Value).Groups[1].Value)));

    private sealed record Button(bool Enabled, string EnabledWhen);

    [GeneratedRegex("""<form\b[^>]*\bdata-action="(?<action>\w+)"[^>]*>\s*<button\b(?<attrs>[^>]*)>""")]
    private static partial Regex ActionButton();

    [GeneratedRegex("""\sdisabled(=|\s|$)""")]
    private static partial Regex DisabledAttribute();

    [GeneratedRegex("""data-enabled-when="([^"]*)""")]
    private static partial Regex EnabledWhen();

    [GeneratedRegex("""<button\b(?<attrs>[^>]*\bbtn-danger\b[^>]*)>""")]
    private static partial Regex DeleteButton();
}

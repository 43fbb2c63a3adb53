using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.ProcessAddon;

namespace WebOps.Tests.Integration.Webhooks;

/// <summary>
/// One real panel for the hook tests, with static sites deployed as plain processes (the cheapest real deploy) from
/// real git repositories. Each test makes its own deployment, so tests never share counts.
/// </summary>
public sealed class HookPanel : IAsyncLifetime
{
    private readonly List<GitRepo> repos = [];

    public PanelApp Panel { get; private set; } = null!;

    /// <summary>Logged in with an API token.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>No credentials at all, like GitHub.</summary>
    public HttpClient Stranger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Panel = await PanelApp.StartAsync();
        Api = await Panel.WithTokenAsync();
        Stranger = Panel.Anonymous();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        Stranger.Dispose();
        ProcessPanel.KillLeftovers(Panel.DataFolder);
        await Panel.DisposeAsync();
        foreach (var repo in repos)
        {
            try
            {
                Directory.Delete(repo.Path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temp folder is cleaned anyway.
            }
        }
    }

    /// <summary>A static site deployed from a new repository (first deploy waited for), with a hook secret; returns the secret.</summary>
    public async Task<(string Secret, GitRepo Repo)> DeployedWithSecretAsync(string name, string page = "<h1>first</h1>")
    {
        var repo = await GitRepo.CreateAsync(("index.html", page));
        repos.Add(repo);
        await ProcessPanel.DeployAsync(Api, name, repo, "static");
        return (await NewSecretAsync(name), repo);
    }

    public async Task<string> NewSecretAsync(string name)
    {
        var answer = await Api.PostAsync($"/api/deployments/{name}/webhook-secret", null);
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
        var secret = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook_secret").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", secret);
        return secret;
    }

    public async Task<List<int>> RunIdsAsync(string name) =>
        [.. (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs")).EnumerateArray().Select(r => r.GetProperty("id").GetInt32())];

    public async Task<JsonElement> HookAsync(string name) => await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/webhook");

    /// <summary>Waits until the deliveries list holds <paramref name="count"/> entries (they are saved just after the answer); returns them, newest first.</summary>
    public async Task<List<JsonElement>> DeliveriesAsync(string name, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<JsonElement> deliveries;
        do
        {
            deliveries = [.. (await HookAsync(name)).GetProperty("deliveries").EnumerateArray()];
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"'{name}' lists {deliveries.Count} deliveries after 30 s, expected {count}: {string.Join("; ", deliveries)}");
        return deliveries;
    }
}

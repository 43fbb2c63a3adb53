using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A swarm deployment takes domains like a local one: the edge routes them to the service's running tasks (served end
/// to end in <see cref="SwarmEdgeTests"/>), so they are saved and listed as the deployment's URLs.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmDomainsTests
{
    [SwarmFact]
    public async Task A_swarm_deployment_with_domains_is_saved_with_them_and_lists_their_edge_urls()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swd-" + Guid.NewGuid().ToString("N")[..8];
        await using var caddy = await TestCaddy.StartAsync();
        await using var panel = await PanelApp.StartAsync(caddy.PanelArgs(
            $"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}"));
        using var api = await panel.WithTokenAsync();

        var answer = await api.PostAsJsonAsync("/api/deployments", new
        {
            name,
            repo_url = "https://example.com/a.git",
            use_docker = true,
            port = 8080,
            target = "swarm",
            domains = new[] { $"{name}.example.com" },
        });

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/deployments/{name}"));
        Assert.Equal([$"{name}.example.com"], stored.RootElement.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal([$"https://{name}.example.com:{caddy.HttpsPort}/"], stored.RootElement.GetProperty("urls").EnumerateArray().Select(d => d.GetString()));
    }

    [SwarmFact]
    public async Task Domains_added_to_a_saved_swarm_deployment_are_saved()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swd-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var api = await panel.WithTokenAsync();
        var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = "https://example.com/a.git", use_docker = true, port = 8080, target = "swarm" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var answer = await api.PatchAsJsonAsync($"/api/deployments/{name}", new { domains = new[] { $"{name}.example.com" } });

        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/deployments/{name}"));
        Assert.Equal([$"{name}.example.com"], stored.RootElement.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
    }
}

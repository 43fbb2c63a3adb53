using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// The edge routes a deployment's names to loopback slot ports on the panel's server, where no task of a swarm
/// service listens: a swarm deployment with domains is refused when saved, so no name is handed out that answers nothing.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmDomainsTests
{
    private const string Refusal = "swarm deployments cannot be routed through the edge yet: remove the domains, or use target local";

    [SwarmFact]
    public async Task A_swarm_deployment_with_domains_is_refused_on_the_domains_field_and_not_saved()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swd-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await SwarmDeployTests.StartPanelAsync();
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

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(Refusal, DomainsError(await answer.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/deployments/{name}")).StatusCode);
    }

    [SwarmFact]
    public async Task Domains_added_to_a_saved_swarm_deployment_are_refused_and_the_stored_ones_stay_empty()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swd-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var api = await panel.WithTokenAsync();
        var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = "https://example.com/a.git", use_docker = true, port = 8080, target = "swarm" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        try
        {
            var answer = await api.PatchAsJsonAsync($"/api/deployments/{name}", new { domains = new[] { $"{name}.example.com" } });

            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal(Refusal, DomainsError(await answer.Content.ReadAsStringAsync()));
            using var stored = JsonDocument.Parse(await api.GetStringAsync($"/api/deployments/{name}"));
            Assert.Equal(0, stored.RootElement.GetProperty("domains").GetArrayLength());
        }
        finally
        {
            await api.DeleteAsync($"/api/deployments/{name}");
        }
    }

    private static string? DomainsError(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty("domains", out var domains)
            ? domains.EnumerateArray().First().GetString()
            : body;
    }
}

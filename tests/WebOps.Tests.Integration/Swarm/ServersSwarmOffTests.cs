using System.Net;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>A single-server panel (Swarm off, the default): no Servers link, and the page and API say how to turn it on.</summary>
public sealed class ServersSwarmOffTests
{
    [Fact]
    public async Task With_swarm_off_the_servers_page_and_the_cluster_api_say_how_to_turn_it_on()
    {
        await using var panel = await PanelApp.StartAsync();
        using var browser = await panel.LoggedInAsync();
        using var api = await panel.WithTokenAsync();

        var dashboard = await FormPage.LoadAsync(browser, "/");
        Assert.DoesNotContain("href=\"/servers\"", dashboard.Html, StringComparison.Ordinal);
        var page = await FormPage.LoadAsync(browser, "/servers");
        Assert.Contains("<h2>Swarm is off</h2>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<code>Swarm:Enabled=true</code>", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Initialize cluster", page.Html, StringComparison.Ordinal);

        foreach (var (method, path) in new[] { ("GET", "/api/cluster"), ("GET", "/api/cluster/nodes"), ("POST", "/api/cluster/init"), ("GET", "/api/cluster/join-command"), ("POST", "/api/cluster/join-tokens/rotate") })
        {
            using var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{method} {path}: {(int)response.StatusCode} {body}");
            Assert.Contains("Swarm is off: set Swarm:Enabled=true in the panel's settings", body, StringComparison.Ordinal);
        }
    }
}

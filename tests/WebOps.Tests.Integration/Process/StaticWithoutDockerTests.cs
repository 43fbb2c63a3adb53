using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.ProcessAddon.ProcessPanel;

namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>A static site deployed with use_docker off is served by the panel itself.</summary>
public sealed class StaticWithoutDockerTests
{
    [Fact]
    public async Task Static_site_is_served_stopped_started_and_restarted_with_request_logs()
    {
        await using var panel = await PanelApp.StartAsync();
        using var client = await panel.WithTokenAsync();
        var d = await DeployAsync(client, "siteproc", await GitRepo.CreateAsync(Apps.Static()), "static");
        var url = d.GetProperty("url").GetString()!;
        var port = d.GetProperty("host_port").GetInt32();

        Assert.Contains("static without docker", await TryGetAsync(url), StringComparison.Ordinal);
        using (var css = await GetAsync(url + "/css/site.css"))
        {
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }

        using (var dotfile = await GetAsync(url + "/.env"))
        {
            Assert.Equal(HttpStatusCode.NotFound, dotfile.StatusCode);
        }

        await ActAsync(client, "siteproc", "stop");
        Assert.False(PortOpen(port));
        await ActAsync(client, "siteproc", "start");
        Assert.Contains("static without docker", await TryGetAsync(url), StringComparison.Ordinal);
        await ActAsync(client, "siteproc", "restart");
        Assert.Contains("static without docker", await TryGetAsync(url), StringComparison.Ordinal);

        var lines = await client.GetFromJsonAsync<JsonElement>("/api/deployments/siteproc/runtime-logs");
        var texts = lines.EnumerateArray().Select(l => l.GetProperty("text").GetString()).ToList();
        Assert.Contains("GET /.env 404", texts);
        Assert.Contains("GET /css/site.css 200", texts);
    }
}

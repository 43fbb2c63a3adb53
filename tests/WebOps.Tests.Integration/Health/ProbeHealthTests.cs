using System.Net.Http.Json;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Health;

public sealed class ProbeHealthTests
{
    [DockerFact]
    public async Task App_that_stops_answering_turns_unhealthy_through_the_probe_and_recovers_when_it_answers_again()
    {
        await using var app = await HealthPanel.DeployAsync("--Health:Interval=00:00:01");
        await app.WaitForHealthAsync("healthy");

        await app.ExecAsync("killall", "httpd");

        await app.WaitForHealthAsync("unhealthy");
        var probe = (await app.HealthAsync()).GetProperty("history").EnumerateArray()
            .First(h => h.GetProperty("source").GetString() == "probe");
        // Refused; or reset or closed when Docker's port proxy accepted the connection and found nothing behind it
        // (which of the three depends on timing in the proxy).
        Assert.Matches(@"^GET / failed after \d+ ms: (connection (refused|reset)$|the connection was closed)", probe.GetProperty("message").GetString());
        Assert.True((await app.Docker.Containers.InspectContainerAsync(await app.ContainerIdAsync())).State!.Running);

        await app.ExecAsync("httpd", "-p", "8080", "-h", "/www");

        await app.WaitForHealthAsync("healthy");
    }

    [DockerFact]
    public async Task Probe_uses_the_stored_path_and_expected_status()
    {
        await using var app = await HealthPanel.DeployAsync("--Health:Interval=00:00:01");
        await app.WaitForHealthAsync("healthy");

        var saved = await app.Api.PutAsJsonAsync($"/api/deployments/{app.Name}/health-settings", new { path = "/missing.html", expected_status = 200 });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        await app.WaitForHealthAsync("unhealthy");
        var probe = (await app.HealthAsync()).GetProperty("history").EnumerateArray()
            .First(h => h.GetProperty("source").GetString() == "probe");
        // The duration is printed in ms under a second and in s above it; a busy machine can take either.
        Assert.Matches(@"^GET /missing.html answered 404 in (\d+ ms|\d+\.\d s) \(expected 200\)$", probe.GetProperty("message").GetString());
    }
}

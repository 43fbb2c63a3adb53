using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Health;

public sealed class HealthApiTests
{
    [Fact]
    public async Task Healthz_is_public_and_reports_docker_not_used_without_docker_deployments()
    {
        await using var panel = await PanelApp.StartAsync();
        using var anonymous = panel.Anonymous();

        var response = await anonymous.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(
            "^" + System.Text.RegularExpressions.Regex.Escape("""{"status":"ok","database":"ok","docker":"not used","proxy":"disabled",""")
            + "\"compose\":\"(docker compose: [^\"]+|docker-compose: [^\"]+|not installed|checking)\"}$",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_503_when_a_needed_docker_engine_is_unreachable()
    {
        await using var panel = await PanelApp.StartAsync("--Docker:Endpoint=unix:///tmp/no-such-docker.sock", "--Health:Interval=00:05:00");
        using var api = await panel.WithTokenAsync();
        var created = await api.PostAsJsonAsync("/api/deployments", new { name = "needs-docker", repo_url = "file:///nonexistent/repo", use_docker = true });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var response = await panel.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Matches(
            "^" + System.Text.RegularExpressions.Regex.Escape("""{"status":"unavailable","database":"ok","docker":"unreachable","proxy":"disabled",""")
            + "\"compose\":\"(docker compose: [^\"]+|docker-compose: [^\"]+|not installed|checking)\"}$",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_settings_are_validated_stored_and_default_when_unset()
    {
        await using var panel = await PanelApp.StartAsync("--Health:Interval=00:05:00");
        using var api = await panel.WithTokenAsync();
        var created = await api.PostAsJsonAsync("/api/deployments", new { name = "settings", repo_url = "file:///nonexistent/repo" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        Assert.Equal("""{"path":"/","expected_status":null,"host":"localhost"}""", await api.GetStringAsync("/api/deployments/settings/health-settings"));

        var refused = await api.PutAsJsonAsync("/api/deployments/settings/health-settings", new { path = "health", expected_status = 700, host = "bad host" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["expected_status", "host", "path"], errors.EnumerateObject().Select(p => p.Name).Order());

        var saved = await api.PutAsJsonAsync("/api/deployments/settings/health-settings", new { path = "/healthz", expected_status = 204, host = "blog.example.com" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("""{"path":"/healthz","expected_status":204,"host":"blog.example.com"}""", await api.GetStringAsync("/api/deployments/settings/health-settings"));
    }

    [Fact]
    public async Task Health_of_an_unknown_deployment_is_404_and_of_a_new_one_is_unknown_with_empty_history()
    {
        await using var panel = await PanelApp.StartAsync("--Health:Interval=00:05:00");
        using var api = await panel.WithTokenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/deployments/nope/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await panel.Anonymous().GetAsync("/api/deployments/nope/health")).StatusCode);
        await api.PostAsJsonAsync("/api/deployments", new { name = "fresh", repo_url = "file:///nonexistent/repo" });

        var health = await api.GetFromJsonAsync<JsonElement>("/api/deployments/fresh/health");

        Assert.Equal("unknown", health.GetProperty("health").GetString());
        Assert.Equal(0, health.GetProperty("history").GetArrayLength());
    }
}

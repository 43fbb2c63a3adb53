using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Resources;

/// <summary>The "Resources and health" section of the create/edit form over plain HTTP: shown, checked, saved.</summary>
public sealed class ResourcesFormTests : IAsyncLifetime
{
    private PanelApp panel = null!;
    private HttpClient browser = null!;
    private HttpClient api = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync();
        browser = await panel.LoggedInAsync();
        api = await panel.WithTokenAsync();
    }

    public async Task DisposeAsync()
    {
        browser.Dispose();
        api.Dispose();
        await panel.DisposeAsync();
    }

    [Fact]
    public async Task The_new_form_shows_the_section_with_log_rotation_on_by_default()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");

        Assert.Contains("<h2>Resources and health</h2>", form.Html, StringComparison.Ordinal);
        Assert.Matches("name=\"memory_limit\"[^>]*value=\"\"", form.Html);
        Assert.Matches("name=\"log_max_size\"[^>]*value=\"10m\"", form.Html);
        Assert.Matches("name=\"restart_policy\"[^>]*value=\"unless-stopped\"", form.Html);
    }

    [Fact]
    public async Task A_bad_limit_is_shown_at_its_field_and_nothing_is_saved()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");
        var fields = Fields("res-bad");
        fields["memory_limit"] = "4m";
        fields["cpu_limit"] = "half";

        var html = await (await form.PostAsync(browser, fields)).Content.ReadAsStringAsync();

        Assert.Matches("name=\"memory_limit\"[^>]*value=\"4m\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("is 4 MiB, below the 6 MiB Docker needs to run a container; use 6m or more", html, StringComparison.Ordinal);
        Assert.Contains("is &#x27;half&#x27;, which is not a number; use a number of CPUs such as 0.5, or leave it empty", html, StringComparison.Ordinal);
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/deployments")).GetArrayLength());
    }

    [Fact]
    public async Task Saved_limits_reach_the_api_and_come_back_in_the_edit_form()
    {
        var form = await FormPage.LoadAsync(browser, "/deployments/new");

        var response = await form.PostAsync(browser, Fields("res-ok"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await api.GetFromJsonAsync<JsonElement>("/api/deployments/res-ok");
        Assert.Equal("256m", saved.GetProperty("memory_limit").GetString());
        Assert.Equal(0.5m, saved.GetProperty("cpu_limit").GetDecimal());
        Assert.Equal(200, saved.GetProperty("pids_limit").GetInt64());
        Assert.Equal("on-failure:2", saved.GetProperty("restart_policy").GetString());
        Assert.Equal(("20m", 5), (saved.GetProperty("log_max_size").GetString(), saved.GetProperty("log_max_file").GetInt32()));
        Assert.Equal("/health", saved.GetProperty("health_check").GetProperty("path").GetString());
        Assert.Equal("10s", saved.GetProperty("health_check").GetProperty("interval").GetString());

        var edit = await browser.GetStringAsync("/deployments/res-ok/edit");
        Assert.Matches("name=\"memory_limit\"[^>]*value=\"256m\"", edit);
        Assert.Matches("name=\"health_check.path\"[^>]*value=\"/health\"", edit);
    }

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["name"] = name,
        ["repo_url"] = "https://example.invalid/app.git",
        ["branch"] = "main",
        ["project_type"] = "static",
        ["docker_network_mode"] = "bridge",
        ["dockerfile_path"] = "Dockerfile",
        ["use_docker"] = "true",
        ["memory_limit"] = "256m",
        ["memory_reservation"] = "",
        ["cpu_limit"] = "0.5",
        ["pids_limit"] = "200",
        ["restart_policy"] = "on-failure:2",
        ["log_max_size"] = "20m",
        ["log_max_file"] = "5",
        ["health_check.path"] = "/health",
        ["health_check.interval"] = "10s",
        ["health_check.timeout"] = "5s",
        ["health_check.retries"] = "3",
        ["health_check.start_period"] = "0s",
    };
}

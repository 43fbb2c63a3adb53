using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Api;

/// <summary>
/// The refusals of create hold everywhere else input arrives: PATCH, the edit form and query values. Each bad value
/// is answered with an error naming it, and the stored deployment is byte for byte what it was.
/// </summary>
public sealed class HostileInputBeyondCreateTests(HostileInputBeyondCreateTests.Panel shared) : IClassFixture<HostileInputBeyondCreateTests.Panel>
{
    private const string Name = "target-app";
    private readonly HttpClient api = shared.Api;
    private readonly HttpClient browser = shared.Browser;

    public static TheoryData<string, string> BadPatchFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in HostileInputTests.BadFields)
        {
            var (body, field) = ((string)row[0], (string)row[1]);
            if (field != "name")
            {
                data.Add(body, field);
            }
        }

        data.Add("""{"domains":["*.example.com"]}""", "domains");
        data.Add("""{"domains":["127.0.0.1"]}""", "domains");
        data.Add("""{"env_vars":{"OK":"x","1BAD":"y"},"branch":"release"}""", "env_vars");
        data.Add("[1,2,3]", "body");
        data.Add("""{"branch":""" + "\"" + new string('b', 300) + "\"}", "branch");
        data.Add("not json at all", "body");
        return data;
    }

    [Theory]
    [MemberData(nameof(BadPatchFields))]
    public async Task Patch_refuses_the_bad_field_and_changes_nothing(string body, string field)
    {
        var before = await StoredAsync();

        var response = await api.PatchAsync($"/api/deployments/{Name}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), p => p.Name.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("repo_url", "ext::sh -c id", "repo_url")]
    [InlineData("branch", "-upload-pack", "branch")]
    [InlineData("port", "70000", "port")]
    [InlineData("docker_volumes", "/var/run/docker.sock:/s", "docker_volumes")]
    [InlineData("docker_ports", "abc", "docker_ports")]
    [InlineData("dockerfile_path", "/etc/passwd", "dockerfile_path")]
    [InlineData("docker_network_mode", "container:x", "docker_network_mode")]
    [InlineData("domains", "exa mple.com", "domains")]
    [InlineData("env_vars.key", "1BAD", "env_vars")]
    public async Task The_edit_form_shows_the_error_at_its_field_and_saves_nothing(string field, string value, string shownField)
    {
        var before = await StoredAsync();
        var edit = await FormPage.LoadAsync(browser, $"/deployments/{Name}/edit");
        var fields = new Dictionary<string, string>
        {
            ["repo_url"] = "https://example.invalid/changed.git",
            ["branch"] = "changed",
            ["project_type"] = "auto",
            ["docker_network_mode"] = "bridge",
            ["dockerfile_path"] = "Dockerfile",
            ["docker_volumes"] = "/srv/data:/data",
            ["env_vars.key"] = "KEEP",
            ["env_vars.value"] = "kept",
        };
        fields[field] = value;

        var response = await edit.PostAsync(browser, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("field-error", html, StringComparison.Ordinal);
        Assert.Matches($"name=\"{shownField}\"[^>]*aria-invalid=\"true\"|has-error\" id=\"[^\"]*{shownField}|id=\"{shownField}-error\"|{shownField}[^<]*field-error", html);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("GET", "/logs?limit=0", "limit")]
    [InlineData("GET", "/logs?limit=20001", "limit")]
    [InlineData("GET", "/logs?limit=abc", "limit")]
    [InlineData("GET", "/logs?limit=1&limit=2", "limit")]
    [InlineData("GET", "/logs?after=-1", "after")]
    [InlineData("GET", "/logs?after=1e9", "after")]
    [InlineData("GET", "/logs?run=%27%3B%20DROP%20TABLE", "run")]
    [InlineData("GET", "/logs?run=0", "run")]
    [InlineData("GET", "/runtime-logs?tail=0", "tail")]
    [InlineData("GET", "/runtime-logs?tail=10001", "tail")]
    [InlineData("GET", "/runtime-logs?tail=-5", "tail")]
    [InlineData("GET", "/runtime-logs?tail=99999999999999999999", "tail")]
    [InlineData("GET", "?reveal=maybe", "reveal")]
    [InlineData("GET", "/health?limit=0", "limit")]
    [InlineData("GET", "/health?limit=x", "limit")]
    [InlineData("GET", "/llm?reveal=1", "reveal")]
    [InlineData("DELETE", "?remove_images=yes", "remove_images")]
    [InlineData("DELETE", "?remove_volumes=yes", "remove_volumes")]
    public async Task A_bad_query_value_is_answered_400_naming_the_parameter_and_nothing_runs(string method, string path, string parameter)
    {
        var before = await StoredAsync();

        var response = await api.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/deployments/{Name}{path}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"the answer does not name {parameter}: {problem}");
        Assert.Contains(parameter, messages[0].GetString()!, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("/logs?limit=1&after=0")]
    [InlineData("/logs?run=1")]
    [InlineData("?reveal=true")]
    [InlineData("?reveal=false")]
    [InlineData("/health?limit=5")]
    public async Task Good_query_values_are_still_answered(string path)
    {
        var response = await api.GetAsync($"/api/deployments/{Name}{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> StoredAsync()
    {
        var stored = await api.GetFromJsonAsync<JsonObject>($"/api/deployments/{Name}?reveal=true");
        return stored!.ToJsonString();
    }

    /// <summary>One panel with one deployment for every case: each case asserts it leaves the deployment unchanged.</summary>
    public sealed class Panel : IAsyncLifetime
    {
        private PanelApp panel = null!;

        public HttpClient Api { get; private set; } = null!;

        public HttpClient Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            panel = await PanelApp.StartAsync();
            Api = await panel.WithTokenAsync();
            Browser = await panel.LoggedInAsync();
            var created = await Api.PostAsJsonAsync("/api/deployments", new
            {
                name = Name,
                repo_url = "https://example.invalid/app.git",
                env_vars = new Dictionary<string, string> { ["KEEP"] = "kept" },
                docker_volumes = new[] { "/srv/data:/data" },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // Creating queues a first deploy (it fails: the repository does not exist); once it ended nothing changes
            // the deployment but the requests of the tests.
            await DeployWait.ForRunEndAsync(Api, Name, minutes: 2);
        }

        public async Task DisposeAsync()
        {
            Api.Dispose();
            Browser.Dispose();
            await panel.DisposeAsync();
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Api;

/// <summary>Bad input is answered with a 400 naming the field, and nothing is saved.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private PanelApp panel = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        panel = await PanelApp.StartAsync();
        client = await panel.WithTokenAsync();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await panel.DisposeAsync();
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { """{"name":"Bad_Name"}""", "name" },
        { """{"name":""}""", "name" },
        { """{"name":"-leading"}""", "name" },
        { "{\"name\":\"" + new string('a', 64) + "\"}", "name" },
        { """{"name":"a b"}""", "name" },
        { """{"name":"ok\u0000"}""", "name" },
        { """{"repo_url":"ext::sh -c touch% /tmp/pwned"}""", "repo_url" },
        { """{"repo_url":"--upload-pack=touch /tmp/x"}""", "repo_url" },
        { """{"repo_url":"-oProxyCommand=x"}""", "repo_url" },
        { """{"repo_url":"ftp://example.com/repo.git"}""", "repo_url" },
        { """{"repo_url":"https://exa mple.com/r.git"}""", "repo_url" },
        { """{"repo_url":""}""", "repo_url" },
        { """{"branch":"-x"}""", "branch" },
        { """{"branch":"a..b"}""", "branch" },
        { """{"branch":"has space"}""", "branch" },
        { """{"branch":"ends.lock"}""", "branch" },
        { """{"branch":"x~1"}""", "branch" },
        { """{"project_type":"rails"}""", "project_type" },
        { """{"port":0}""", "port" },
        { """{"port":70000}""", "port" },
        { """{"env_vars":{"1BAD":"x"}}""", "env_vars" },
        { """{"env_vars":{"BAD-NAME":"x"}}""", "env_vars" },
        { """{"docker_env_vars":{"A B":"x"}}""", "docker_env_vars" },
        { """{"docker_build_args":{"$(id)":"x"}}""", "docker_build_args" },
        { """{"dockerfile_path":"/etc/passwd"}""", "dockerfile_path" },
        { """{"dockerfile_path":"../outside/Dockerfile"}""", "dockerfile_path" },
        { """{"dockerfile_path":"docker/../../Dockerfile"}""", "dockerfile_path" },
        { """{"docker_image_name":"UPPER/Case"}""", "docker_image_name" },
        { """{"docker_volumes":["/:/host"]}""", "docker_volumes[0]" },
        { """{"docker_volumes":["/srv/ok:/data","/etc:/x"]}""", "docker_volumes[1]" },
        { """{"docker_volumes":["/var/run/docker.sock:/var/run/docker.sock"]}""", "docker_volumes[0]" },
        { """{"docker_volumes":["/proc/1:/x"]}""", "docker_volumes[0]" },
        { """{"docker_volumes":["relative:/x:zz"]}""", "docker_volumes[0]" },
        { """{"docker_volumes":["/srv/a:relative"]}""", "docker_volumes[0]" },
        { """{"docker_ports":["99999:80"]}""", "docker_ports[0]" },
        { """{"docker_ports":["8080:80","8080:81"]}""", "docker_ports[1]" },
        { """{"docker_ports":["abc"]}""", "docker_ports[0]" },
        { """{"docker_ports":["127.0.0.1:80:80/sctp"]}""", "docker_ports[0]" },
        { """{"docker_network_mode":"container:other"}""", "docker_network_mode" },
        { """{"port":"eighty"}""", "port" },
        { """{"use_docker":"yes please"}""", "use_docker" },
        { """{"surprise":"field"}""", "surprise" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Create_refuses_the_bad_field_and_saves_nothing(string overrides, string field)
    {
        var body = JsonNode.Parse("""{"name":"good-app","repo_url":"https://example.invalid/app.git","branch":"main"}""")!.AsObject();
        foreach (var (k, v) in JsonNode.Parse(overrides)!.AsObject())
        {
            body[k] = v?.DeepClone();
        }

        var response = await client.PostAsync("/api/deployments",
            new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(fields, f => f.StartsWith(field, StringComparison.Ordinal));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/deployments");
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Patch_with_a_bad_field_changes_nothing()
    {
        var created = await client.PostAsJsonAsync("/api/deployments", new { name = "patch-me", repo_url = "https://example.invalid/app.git" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await client.PatchAsync("/api/deployments/patch-me", JsonContent.Create(new { branch = "release", docker_volumes = new[] { "/etc:/x" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/deployments/patch-me");
        Assert.Equal("main", stored.GetProperty("branch").GetString());
        Assert.Equal(0, stored.GetProperty("docker_volumes").GetArrayLength());
    }

    [Fact]
    public async Task Duplicate_name_is_refused()
    {
        var first = await client.PostAsJsonAsync("/api/deployments", new { name = "twice", repo_url = "https://example.invalid/app.git" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        var second = await client.PostAsJsonAsync("/api/deployments", new { name = "twice", repo_url = "https://example.invalid/other.git" });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already exists", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_repos_are_refused_unless_the_setting_allows_them()
    {
        await using var strict = await PanelApp.StartAsync("--Deployments:AllowLocalRepos=false");
        using var strictClient = await strict.WithTokenAsync();

        var response = await strictClient.PostAsJsonAsync("/api/deployments", new { name = "local", repo_url = "file:///srv/repo.git" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Deployments:AllowLocalRepos", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

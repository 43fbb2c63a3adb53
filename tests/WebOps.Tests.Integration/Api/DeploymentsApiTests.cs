using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Api;

public sealed class DeploymentsApiTests : IAsyncLifetime
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

    [Fact]
    public async Task Created_deployment_is_listed_with_defaults_then_patched_then_deleted()
    {
        var created = await client.PostAsJsonAsync("/api/deployments", new
        {
            name = "blog",
            repo_url = "https://example.invalid/blog.git",
            use_docker = true,
            docker_volumes = new[] { "/srv/blog:/data:ro" },
            docker_ports = new[] { "127.0.0.1:9100:9100/udp" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/deployments/blog", created.Headers.Location!.ToString());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/deployments");
        var blog = Assert.Single(list.EnumerateArray());
        Assert.Equal("blog", blog.GetProperty("name").GetString());
        Assert.Equal("main", blog.GetProperty("branch").GetString());
        Assert.Equal("auto", blog.GetProperty("project_type").GetString());
        Assert.Equal("Dockerfile", blog.GetProperty("dockerfile_path").GetString());
        Assert.Equal("bridge", blog.GetProperty("docker_network_mode").GetString());
        Assert.True(blog.GetProperty("auto_generate_dockerfile").GetBoolean());
        Assert.Equal("webops/blog:latest", blog.GetProperty("effective_image_name").GetString());
        Assert.Contains(blog.GetProperty("status").GetString(), new[] { "pending", "building", "failed" });

        var patched = await client.PatchAsync("/api/deployments/blog", JsonContent.Create(new { branch = "release", docker_network_mode = "host", auto_generate_dockerfile = false }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/deployments/blog");
        Assert.Equal("release", after.GetProperty("branch").GetString());
        Assert.Equal("host", after.GetProperty("docker_network_mode").GetString());
        Assert.False(after.GetProperty("auto_generate_dockerfile").GetBoolean());
        Assert.Equal("/srv/blog:/data:ro", after.GetProperty("docker_volumes")[0].GetString());

        await DeployWait.ForRunEndAsync(client, "blog");
        var deleted = await client.DeleteAsync("/api/deployments/blog");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/deployments/blog")).StatusCode);
    }

    [Fact]
    public async Task Unknown_deployment_is_a_problem_document_with_404()
    {
        var response = await client.GetAsync("/api/deployments/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No deployment named 'nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clone_of_a_missing_branch_fails_the_deploy_with_gits_message_and_a_hint()
    {
        var repo = await GitRepo.CreateAsync(("index.html", "<h1>hi</h1>"));
        var created = await client.PostAsJsonAsync("/api/deployments", new { name = "nobranch", repo_url = repo.Url, branch = "does-not-exist" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await DeployWait.ForRunEndAsync(client, "nobranch");

        var d = await client.GetFromJsonAsync<JsonElement>("/api/deployments/nobranch");
        Assert.Equal("failed", d.GetProperty("status").GetString());
        var log = await client.GetStringAsync("/api/deployments/nobranch/logs");
        Assert.Contains("does-not-exist", log, StringComparison.Ordinal);
        Assert.Contains("Hint: the branch 'does-not-exist' does not exist", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openapi_document_is_served_to_logged_in_clients()
    {
        var doc = await client.GetFromJsonAsync<JsonElement>("/api/openapi.json");

        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/deployments", out _));
    }
}

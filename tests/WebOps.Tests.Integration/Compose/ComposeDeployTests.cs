using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Compose;

/// <summary>A two-service Compose app from a git repository, through the API, on the real engine and the host's Compose CLI.</summary>
public sealed class ComposeDeployTests
{
    [ComposeFact]
    public async Task Two_service_app_is_deployed_redeployed_stopped_started_and_deleted_leaving_nothing_but_named_volumes()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("cp");
        var project = $"webops-{name}";
        var marker = Guid.NewGuid().ToString("N")[..12];
        try
        {
            var repo = await GitRepo.CreateAsync([.. App("web v1")]);
            var created = await world.Api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                env_vars = new Dictionary<string, string> { ["GREETING"] = marker },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var d = await world.WaitForDeployAsync(name);

            Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
            var url = d.GetProperty("url").GetString()!;
            Assert.Matches("^http://127\\.0\\.0\\.1:\\d+/$", url);
            Assert.Contains("web v1", await DeployedApp.FetchAsync(url), StringComparison.Ordinal);
            // web calls api by its service name; api got GREETING through the env file.
            Assert.Contains($"api says {marker}", await DeployedApp.FetchAsync(url + "cgi-bin/api"), StringComparison.Ordinal);
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));
            var log = await world.LogAsync(name);
            Assert.Contains("Detected compose: compose file compose.yaml found; services: web, api; public: web", log, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, log, StringComparison.Ordinal);

            // Runtime logs per service, and all services interleaved.
            await DeployedApp.FetchAsync(url + "cgi-bin/api");
            var apiLogs = await world.Api.GetStringAsync($"/api/deployments/{name}/runtime-logs?tail=50&service=api");
            var allLogs = await world.Api.GetStringAsync($"/api/deployments/{name}/runtime-logs?tail=200");
            Assert.Contains("api | ", apiLogs, StringComparison.Ordinal);
            Assert.DoesNotContain("web | ", apiLogs, StringComparison.Ordinal);
            Assert.Contains("web | ", allLogs, StringComparison.Ordinal);
            Assert.Contains("api | ", allLogs, StringComparison.Ordinal);

            await repo.CommitAsync("change the page", ("web/index.html", "<h1>web v2</h1>"));
            var run = await world.Api.PostAsync($"/api/deployments/{name}/deploy", null);
            var runId = (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            d = await world.WaitForDeployAsync(name, afterRun: runId - 1);
            Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
            Assert.Equal(url, d.GetProperty("url").GetString());
            Assert.Contains("web v2", await DeployedApp.FetchAsync(url), StringComparison.Ordinal);
            Assert.Contains($"Redeploying {project} stop-first: no domain is routed to it through the edge", await world.LogAsync(name), StringComparison.Ordinal);

            // A service that exits marks the deployment unhealthy, and is shown with its exit code.
            var api = (await ProjectContainersAsync(world, project)).Single(c => c.Labels["com.docker.compose.service"] == "api");
            await world.Engine.Containers.KillContainerAsync(api.ID, new ContainerKillParameters { Signal = "KILL" });
            await WaitUntilAsync(async () => (await GetAsync(world, name)).GetProperty("health").GetString() == "unhealthy", "health unhealthy");
            Assert.Equal(["api exited", "web running"], await ServicesAsync(world, name));
            var exited = (await GetAsync(world, name)).GetProperty("services").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "api");
            Assert.Equal(137, exited.GetProperty("exit_code").GetInt32());
            Assert.Equal("service api exited with code 137", exited.GetProperty("problem").GetString());

            Assert.Equal(HttpStatusCode.OK, (await world.Api.PostAsync($"/api/deployments/{name}/stop", null)).StatusCode);
            Assert.Equal(["api exited", "web exited"], await ServicesAsync(world, name));
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => new HttpClient().GetStringAsync(url));

            var started = await world.Api.PostAsync($"/api/deployments/{name}/start", null);
            Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
            Assert.Contains("web v2", await DeployedApp.FetchAsync(url), StringComparison.Ordinal);
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));

            var anonymous = (await world.Engine.Containers.InspectContainerAsync(
                (await ProjectContainersAsync(world, project)).Single(c => c.Labels["com.docker.compose.service"] == "api").ID))
                .Mounts.Single(m => m.Destination == "/scratch").Name;
            Assert.Equal(HttpStatusCode.NoContent, (await world.Api.DeleteAsync($"/api/deployments/{name}")).StatusCode);
            Assert.Empty(await ProjectContainersAsync(world, project));
            Assert.Empty(await world.Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ComposeProjectCleanup.ProjectFilter(project) }));
            var volumes = (await world.Engine.Volumes.ListAsync(new VolumesListParameters())).Volumes.Select(v => v.Name).ToList();
            Assert.DoesNotContain(anonymous, volumes);
            Assert.Contains($"{project}_keep", volumes);
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, project);
        }
    }

    [ComposeFact]
    public async Task A_privileged_service_is_refused_before_anything_runs()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("cr");
        try
        {
            var repo = await GitRepo.CreateAsync(("compose.yaml", $"services:\n  web:\n    image: {TestImages.Busybox}\n    privileged: true\n    expose: [\"8080\"]\n"));
            await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true });
            var d = await world.WaitForDeployAsync(name);

            Assert.Equal("failed", d.GetProperty("status").GetString());
            Assert.Contains(
                "compose file 'compose.yaml' is refused: services.web.privileged: true is not allowed (it gives the container the whole host); remove it, or set Docker:AllowComposePrivileged=true.",
                await world.LogAsync(name), StringComparison.Ordinal);
            Assert.Empty(await ProjectContainersAsync(world, $"webops-{name}"));
            // Nothing needed the Compose CLI yet: /healthz starts the look and says "checking" until it ends.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string healthz;
            while ((healthz = await world.Api.GetStringAsync("/healthz")).Contains("\"compose\":\"checking\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Contains("\"compose\":\"docker", healthz, StringComparison.Ordinal);
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, $"webops-{name}");
        }
    }

    private static (string, string)[] App(string page) =>
    [
        ("compose.yaml", $$"""
            services:
              web:
                build: ./web
                command: ["/bin/busybox", "httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
                expose: ["8080"]
                volumes: ["keep:/keep"]
              api:
                image: {{TestImages.Busybox}}
                command: ["/bin/busybox", "sh", "-c", "mkdir -p /www && echo api says $$GREETING > /www/index.html && exec /bin/busybox httpd -f -v -p 8080 -h /www"]
                expose: ["8080"]
                volumes: ["/scratch"]
            volumes:
              keep: {}
            """),
        ("web/Dockerfile", $"""
            FROM {TestImages.Busybox}
            COPY index.html /www/index.html
            COPY api.cgi /www/cgi-bin/api
            RUN ["/bin/busybox", "chmod", "755", "/www/cgi-bin/api"]
            """),
        ("web/index.html", $"<h1>{page}</h1>"),
        ("web/api.cgi", "#!/bin/sh\necho 'Content-Type: text/plain'\necho ''\n/bin/busybox wget -q -O - http://api:8080/\n"),
    ];

    private static async Task<JsonElement> GetAsync(DeployedApp world, string name) =>
        await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");

    /// <summary>"service state" per service, sorted by name.</summary>
    private static async Task<string[]> ServicesAsync(DeployedApp world, string name) =>
        [.. (await GetAsync(world, name)).GetProperty("services").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("state").GetString()}").Order(StringComparer.Ordinal)];

    private static async Task<IList<ContainerListResponse>> ProjectContainersAsync(DeployedApp world, string project) =>
        await world.Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ComposeProjectCleanup.ProjectFilter(project) });

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(500);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;
using Xunit.Abstractions;

namespace WebOps.Tests.Integration.Compose;

/// <summary>
/// A two-service Compose app from local images behind the edge: redeployed under load beside itself as the
/// deployment's other project, with its named volume's data kept, then stopped, started and deleted.
/// </summary>
public sealed class ComposeZeroDowntimeTests(ITestOutputHelper output)
{
    [ComposeFact]
    public async Task Redeploy_under_load_fails_no_request_keeps_named_volume_data_and_delete_leaves_nothing_unnamed()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs("--Deployments:DrainTimeout=00:00:02"));
        var name = world.NewName("czd");
        var domain = $"{name}.test";
        var (first, second) = ($"webops-{name}", $"webops-{name}_b");
        try
        {
            var repo = await GitRepo.CreateAsync(App("web v1", "api v1"));
            using (var created = await world.Api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                domains = new[] { domain },
                tls = "off",
            }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            var d = await world.WaitForDeployAsync(name);
            Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
            var port = d.GetProperty("host_port").GetInt32();
            Assert.Equal("web v1", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/", seconds: 60));
            // web calls api by its service name; api serves the page it wrote into its named volume on first start.
            Assert.Equal("api v1", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/cgi-bin/api", seconds: 60));
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));
            var firstUnnamed = await UnnamedVolumeAsync(world, first);

            await repo.CommitAsync("version 2", App("web v2", "api v2"));
            await using (var load = EdgeLoad.Start(caddy.HttpPort, domain))
            {
                var (result, error) = await world.RedeployAsync(name);
                await load.StopAsync();
                var seen = $"{load.Failures.Count} of {load.Total} requests failed ({load.ServerErrors} with 5xx)";
                output.WriteLine($"{name}: {seen}; answers: {string.Join(", ", load.Bodies.Select(b => $"{b.Value} x '{b.Key}'"))}");
                Assert.True(result == "succeeded", $"redeploy {result}: {error}\n{await world.LogAsync(name)}");
                Assert.True(load.Failures.Count == 0, $"{seen}, e.g.:\n{string.Join('\n', load.Failures.Take(5))}\n{await world.LogAsync(name)}");
                Assert.True(load.Total > 100, seen);
                Assert.Contains("web v2", load.Bodies.Keys);
            }

            var log = await world.LogAsync(name);
            d = await GetAsync(world, name);
            var newPort = d.GetProperty("host_port").GetInt32();
            Assert.Contains($"Starting the new release as Compose project {second} on port {newPort} beside {first}, which keeps serving.", log, StringComparison.Ordinal);
            Assert.Contains($"Took down the previous Compose project {first}; named volumes kept.", log, StringComparison.Ordinal);
            Assert.DoesNotContain(EdgeLoad.NotSeen, log, StringComparison.Ordinal);
            EdgeLoad.AssertAlternate([port, newPort]);
            Assert.Equal("web v2", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/", seconds: 60));
            // The new project mounted the same named volume: api found its page there and did not write "api v2".
            Assert.Equal("api v1", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/cgi-bin/api", seconds: 60));
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));
            Assert.Empty(await ContainersAsync(world, first));
            Assert.Empty(await NetworksAsync(world, first));
            Assert.DoesNotContain(firstUnnamed, await VolumesAsync(world));

            // Rollback is refused by name, with what to do instead.
            using (var rollback = await world.Api.PostAsync($"/api/deployments/{name}/rollback", null))
            {
                var body = await rollback.Content.ReadAsStringAsync();
                Assert.False(rollback.IsSuccessStatusCode, body);
                Assert.Contains($"Cannot roll back '{name}': it is a Docker Compose deployment, and Compose releases cannot be rolled back yet", body, StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.OK, (await world.Api.PostAsync($"/api/deployments/{name}/stop", null)).StatusCode);
            Assert.Equal(["api exited", "web exited"], await ServicesAsync(world, name));
            using (var started = await world.Api.PostAsync($"/api/deployments/{name}/start", null))
            {
                Assert.True(started.StatusCode == HttpStatusCode.OK, await started.Content.ReadAsStringAsync());
            }

            Assert.Equal("web v2", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/", seconds: 60));
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));

            var secondUnnamed = await UnnamedVolumeAsync(world, second);
            Assert.Equal(HttpStatusCode.NoContent, (await world.Api.DeleteAsync($"/api/deployments/{name}")).StatusCode);
            Assert.Empty(await ContainersAsync(world, first));
            Assert.Empty(await ContainersAsync(world, second));
            Assert.Empty(await NetworksAsync(world, second));
            var volumes = await VolumesAsync(world);
            Assert.DoesNotContain(secondUnnamed, volumes);
            Assert.Contains($"{first}_data", volumes);
            Assert.DoesNotContain($"{second}_data", volumes);
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, first);
            await RemoveVolumeAsync(world, $"{first}_data");
        }
    }

    [ComposeFact]
    public async Task A_release_whose_web_exits_is_taken_down_and_the_old_project_serves_throughout()
    {
        await using var caddy = await TestCaddy.StartAsync();
        await using var world = await DeployedApp.StartAsync(caddy.PanelArgs("--Deployments:DrainTimeout=00:00:02"));
        var name = world.NewName("czf");
        var domain = $"{name}.test";
        var (first, second) = ($"webops-{name}", $"webops-{name}_b");
        try
        {
            var repo = await GitRepo.CreateAsync(App("web v1", "api v1"));
            using (var created = await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, domains = new[] { domain }, tls = "off" }))
            {
                Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            }

            var d = await world.WaitForDeployAsync(name);
            Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
            var port = d.GetProperty("host_port").GetInt32();
            Assert.Equal("web v1", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/", seconds: 60));

            // web's image now exits at once, and the file no longer overrides its command.
            var compose = App("web v1", "api v1")[0].Item2;
            var command = compose.Split('\n').Single(l => l.Contains("sleep 3", StringComparison.Ordinal));
            await repo.CommitAsync(
                "broken",
                ("web/Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo broken at start; exit 4\"]\n"),
                ("compose.yaml", compose.Replace(command + "\n", "", StringComparison.Ordinal)));
            await using (var load = EdgeLoad.Start(caddy.HttpPort, domain))
            {
                var (result, error) = await world.RedeployAsync(name);
                await load.StopAsync();
                output.WriteLine($"{name}: {load.Failures.Count} of {load.Total} requests failed during a failed release");
                Assert.Equal("failed", result);
                Assert.Matches($"Compose project {second} did not come up: service web (exited with code 4|keeps restarting \\(last exit code 4\\))", error);
                Assert.True(load.Failures.Count == 0, $"{load.Failures.Count} of {load.Total} requests failed, e.g.:\n{string.Join('\n', load.Failures.Take(5))}");
                Assert.Equal(["web v1"], load.Bodies.Keys);
            }

            Assert.Contains($"Took down the new release {second}; Compose project {first} kept serving throughout.", await world.LogAsync(name), StringComparison.Ordinal);
            Assert.Equal("web v1", await EdgeGet.BodyAsync(caddy.HttpPort, domain, "/", seconds: 60));
            Assert.Equal(port, (await GetAsync(world, name)).GetProperty("host_port").GetInt32());
            Assert.Empty(await ContainersAsync(world, second));
            Assert.Empty(await NetworksAsync(world, second));
            Assert.Equal(["api running", "web running"], await ServicesAsync(world, name));
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, first);
        }
    }

    /// <summary>
    /// web (built from the checkout) calls api, which writes its page into the named volume only when there is none yet.
    /// web takes 3 s to listen, longer than the edge retries a request, so a release recreated in place would fail requests.
    /// </summary>
    private static (string, string)[] App(string page, string api) =>
    [
        ("compose.yaml", $$"""
            services:
              web:
                build: ./web
                command: ["/bin/busybox", "sh", "-c", "sleep 3; exec /bin/busybox httpd -f -p 8080 -h /www"]
                expose: ["8080"]
              api:
                image: {{TestImages.Busybox}}
                command: ["/bin/busybox", "sh", "-c", "[ -f /data/index.html ] || echo {{api}} > /data/index.html; exec /bin/busybox httpd -f -p 8080 -h /data"]
                expose: ["8080"]
                volumes: ["data:/data", "/scratch"]
            volumes:
              data: {}
            """),
        ("web/Dockerfile", $"""
            FROM {TestImages.Busybox}
            COPY index.html /www/index.html
            COPY api.cgi /www/cgi-bin/api
            RUN ["/bin/busybox", "chmod", "755", "/www/cgi-bin/api"]
            """),
        ("web/index.html", page),
        ("web/api.cgi", "#!/bin/sh\necho 'Content-Type: text/plain'\necho ''\n/bin/busybox wget -q -O - http://api:8080/\n"),
    ];


    private static async Task<JsonElement> GetAsync(DeployedApp world, string name) =>
        await world.Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");

    private static async Task<string[]> ServicesAsync(DeployedApp world, string name) =>
        [.. (await GetAsync(world, name)).GetProperty("services").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("state").GetString()}").Order(StringComparer.Ordinal)];

    private static async Task<IList<ContainerListResponse>> ContainersAsync(DeployedApp world, string project) =>
        await world.Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ComposeProjectCleanup.ProjectFilter(project) });

    private static async Task<IList<NetworkResponse>> NetworksAsync(DeployedApp world, string project) =>
        await world.Engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ComposeProjectCleanup.ProjectFilter(project) });

    private static async Task<List<string>> VolumesAsync(DeployedApp world) =>
        [.. ((await world.Engine.Volumes.ListAsync(new VolumesListParameters())).Volumes ?? []).Select(v => v.Name)];

    /// <summary>The unnamed volume api's <c>/scratch</c> got in <paramref name="project"/>.</summary>
    private static async Task<string> UnnamedVolumeAsync(DeployedApp world, string project)
    {
        var api = (await ContainersAsync(world, project)).Single(c => c.Labels["com.docker.compose.service"] == "api");
        return (await world.Engine.Containers.InspectContainerAsync(api.ID)).Mounts.Single(m => m.Destination == "/scratch").Name!;
    }

    private static async Task RemoveVolumeAsync(DeployedApp world, string volume)
    {
        try
        {
            await world.Engine.Volumes.RemoveAsync(volume, force: true);
        }
        catch (global::Docker.DotNet.DockerApiException)
        {
            // Already gone.
        }
    }
}

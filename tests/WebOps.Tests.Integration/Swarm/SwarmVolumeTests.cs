using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A swarm deployment's volumes are mounted in its tasks: a named volume keeps its data across a redeploy on the node
/// the placement pins the tasks to, and a host folder is refused while no placement pins them to one node.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmVolumeTests
{
    [SwarmFact]
    public async Task A_named_volume_keeps_its_data_across_a_redeploy_and_an_unpinned_host_folder_is_refused()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swv-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();

            // A host folder exists on one server only: refused on docker_volumes, and nothing is saved.
            var refused = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = "https://example.com/a.git",
                use_docker = true,
                port = 8080,
                target = "swarm",
                docker_volumes = new[] { "/srv/uploads:/uploads" },
            });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("docker_volumes", body, StringComparison.Ordinal);
            Assert.Contains("pin the deployment to one node with a placement such as node.hostname==NAME", body, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/deployments/{name}")).StatusCode);

            // Each start appends a line to a file in the named volume and serves the file.
            static string Dockerfile(string release) =>
                $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"echo {release} >> /data/starts && mkdir -p /www && cp /data/starts /www/starts && exec httpd -f -p 8080 -h /www\"]\n";
            var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile("one")));
            var created = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                port = 8080,
                target = "swarm",
                placement = new[] { "node.hostname==webops-swm" },
                docker_volumes = new[] { $"{name}-data:/data" },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
            Assert.Equal("one", await SwarmSecretsTests.ServedAsync(manager, name, "starts"));

            var mount = Assert.Single((await manager.Swarm.InspectServiceAsync($"webops-{name}")).Spec!.TaskTemplate!.ContainerSpec!.Mounts!);
            Assert.Equal(("volume", $"{name}-data", "/data"), (mount.Type, mount.Source, mount.Target));

            await repo.CommitAsync("two", ("Dockerfile", Dockerfile("two")));
            var runs = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            using (var run = await api.PostAsync($"/api/deployments/{name}/deploy", null))
            {
                Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
            }

            d = await DeployWait.ForRunEndAsync(api, name, runs[0].GetProperty("id").GetInt32(), 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));

            // The second release found the first one's line in the volume.
            Assert.Equal("one\ntwo", await SwarmSecretsTests.ServedAsync(manager, name, "starts"));
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
            try
            {
                await manager.Volumes.RemoveAsync($"{name}-data", force: true);
            }
            catch (DockerApiException)
            {
                // Not created: the deploy did not get that far.
            }
        }
    }
}

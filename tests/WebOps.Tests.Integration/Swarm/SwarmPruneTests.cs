using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>Old per-deploy images of a swarm deployment leave the manager after a deploy, as the container path's do.</summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmPruneTests
{
    [SwarmFact]
    public async Task A_swarm_deploy_removes_both_manager_tags_of_runs_no_kept_release_needs()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swp-" + Guid.NewGuid().ToString("N")[..8];
        await using var panel = await PanelApp.StartAsync(
            $"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true", $"--Registry:Address={SwarmClusterFixture.Registry}",
            "--Docker:KeepImages=1");
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();
            static string Dockerfile(string text) => $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && echo {text} > /www/index.html && exec httpd -f -p 8080 -h /www\"]\n";
            var repo = await GitRepo.CreateAsync(("Dockerfile", Dockerfile("one")));
            var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, use_docker = true, port = 8080, target = "swarm" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var runs = new List<int>();
            foreach (var text in new[] { "one", "two", "three" })
            {
                if (runs.Count > 0)
                {
                    await repo.CommitAsync(text, ("Dockerfile", Dockerfile(text)));
                    await api.PostAsync($"/api/deployments/{name}/deploy", null);
                }

                var d = await DeployWait.ForRunEndAsync(api, name, runs.LastOrDefault(), 10);
                Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
                runs.Add((await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs"))[0].GetProperty("id").GetInt32());
            }

            var byLabel = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={name}"] = true } };
            var tags = (await manager.Images.ListImagesAsync(new ImagesListParameters { Filters = byLabel }))
                .SelectMany(i => i.RepoTags ?? []).Order(StringComparer.Ordinal).ToList();
            var registry = $"{SwarmClusterFixture.Registry}/webops/{name}";
            Assert.Equal(
                [$"{registry}:deploy-{runs[1]}", $"{registry}:deploy-{runs[2]}", $"webops/{name}:deploy-{runs[1]}", $"webops/{name}:deploy-{runs[2]}"],
                tags);
            Assert.Contains($"Removed 2 old image tag(s) from the manager", await api.GetStringAsync($"/api/deployments/{name}/logs?run={runs[2]}"), StringComparison.Ordinal);
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A swarm deployment's variables reach its tasks as Swarm secrets: the service spec, which the manager's engine shows to
/// anyone who may inspect it, holds no value, while the task reads it from /run/secrets/KEY, named by KEY_FILE.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmSecretsTests
{
    [SwarmFact]
    public async Task Variables_are_secret_files_in_the_task_and_absent_from_the_service_spec_a_new_value_replaces_the_secret_and_delete_removes_them()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "sws-" + Guid.NewGuid().ToString("N")[..8];
        var first = "first-" + Guid.NewGuid().ToString("N");
        var second = "second-" + Guid.NewGuid().ToString("N");
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();

            // The app serves what it finds: the file KEY_FILE names, and its whole environment.
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && cat \\\"$API_TOKEN_FILE\\\" > /www/token && env > /www/env && exec httpd -f -p 8080 -h /www\"]\n"));
            var created = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                port = 8080,
                target = "swarm",
                env_vars = new Dictionary<string, string> { ["API_TOKEN"] = first },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));

            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.DoesNotContain(first, JsonSerializer.Serialize(service), StringComparison.Ordinal);
            Assert.Contains("API_TOKEN_FILE=/run/secrets/API_TOKEN", service.Spec!.TaskTemplate!.ContainerSpec!.Env!);
            var secret = Assert.Single(await SecretsAsync(manager, name));
            Assert.Matches($"^webops-{name}-api-token-[0-9a-f]{{12}}$", secret.Spec!.Name);
            Assert.Equal(("true", "API_TOKEN"), (secret.Spec.Labels!["webops.managed"], secret.Spec.Labels["webops.secret_key"]));
            Assert.Equal(secret.ID, Assert.Single(service.Spec.TaskTemplate.ContainerSpec.Secrets!).SecretID);

            Assert.Equal(first, await ServedAsync(manager, name, "token"));
            Assert.DoesNotContain(first, await ServedAsync(manager, name, "env"), StringComparison.Ordinal);

            // A new value is a new secret; the old one goes once the deploy succeeded.
            var runs = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var firstRun = runs[0].GetProperty("id").GetInt32();
            var edited = await api.PatchAsJsonAsync($"/api/deployments/{name}", new { env_vars = new Dictionary<string, string> { ["API_TOKEN"] = second } });
            Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
            await api.PostAsync($"/api/deployments/{name}/deploy", null);
            d = await DeployWait.ForRunEndAsync(api, name, firstRun, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
            var replaced = Assert.Single(await SecretsAsync(manager, name));
            Assert.NotEqual(secret.Spec.Name, replaced.Spec!.Name);
            await ClusterTestPanel.WaitForAsync("the new task serving the new value", TimeSpan.FromSeconds(60), async () =>
            {
                var served = await ServedAsync(manager, name, "token");
                return (served == second, served);
            });

            // Delete takes every secret of the deployment with the service.
            var deleted = await api.DeleteAsync($"/api/deployments/{name}");
            Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
            Assert.Empty(await SecretsAsync(manager, name));
        }
        finally
        {
            await SwarmTasksCleanup.RemoveAsync(name);
        }
    }

    private static async Task<List<Secret>> SecretsAsync(DockerClient manager, string name) =>
        [.. (await manager.Secrets.ListAsync()).Where(s => s.Spec?.Labels is { } labels && labels.TryGetValue("webops.deployment", out var owner) && owner == name)];

    /// <summary>A file the running task serves, read through its node's address and the port Swarm published for it.</summary>
    private static async Task<string> ServedAsync(DockerClient manager, string name, string file)
    {
        var nodes = (await manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => n.Status!.Addr);
        var task = (await SwarmDeployTests.TasksAsync(manager, name))
            .Where(t => t.DesiredState == TaskState.Running && t.Status!.State == TaskState.Running)
            .OrderByDescending(t => t.CreatedAt).First();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return (await http.GetStringAsync($"http://{nodes[task.NodeID!]}:{task.Status!.PortStatus!.Ports![0].PublishedPort}/{file}")).Trim();
    }
}

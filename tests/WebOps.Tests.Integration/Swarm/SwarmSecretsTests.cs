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
/// anyone who may inspect it, holds no value, while the app finds each in its environment as on one server (read from
/// /run/secrets/KEY by a /bin/sh wrapper), and the file itself too, named by KEY_FILE. An image without /bin/sh gets
/// its values as plain environment instead, and the deploy log says that they are visible in the spec.
/// </summary>
[Collection(SwarmCollection.Name)]
public sealed class SwarmSecretsTests
{
    [SwarmFact]
    public async Task Variables_are_environment_and_secret_files_in_the_task_and_absent_from_the_service_spec_a_new_value_replaces_the_secret_and_delete_removes_them()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "sws-" + Guid.NewGuid().ToString("N")[..8];
        var first = "first-" + Guid.NewGuid().ToString("N");
        var second = "second-" + Guid.NewGuid().ToString("N");
        var greeting = "hello \"$HOME\" `from` the panel " + Guid.NewGuid().ToString("N");
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();

            // The app serves what it finds: the file KEY_FILE names, one variable exactly, and its whole environment.
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox}\nCMD [\"sh\", \"-c\", \"mkdir -p /www && cat \\\"$API_TOKEN_FILE\\\" > /www/token && printf %s \\\"$GREETING\\\" > /www/greeting && cat /run/secrets/GREETING > /www/greeting-file && env > /www/env && exec httpd -f -p 8080 -h /www\"]\n"));
            var created = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                port = 8080,
                target = "swarm",
                env_vars = new Dictionary<string, string> { ["API_TOKEN"] = first, ["GREETING"] = greeting },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));

            // The app finds each variable in its environment, exactly, and as the file KEY_FILE names.
            Assert.Equal(first, await ServedAsync(manager, name, "token"));
            Assert.Equal(greeting, await ServedAsync(manager, name, "greeting"));
            Assert.Equal(greeting, await ServedAsync(manager, name, "greeting-file"));
            Assert.Contains($"API_TOKEN={first}", (await ServedAsync(manager, name, "env")).Split('\n'));

            // The service spec holds none of the values.
            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.DoesNotContain(first, JsonSerializer.Serialize(service), StringComparison.Ordinal);
            Assert.DoesNotContain(greeting[^32..], JsonSerializer.Serialize(service), StringComparison.Ordinal);
            Assert.Contains("API_TOKEN_FILE=/run/secrets/API_TOKEN", service.Spec!.TaskTemplate!.ContainerSpec!.Env!);
            Assert.Equal(["/bin/sh", "-c"], service.Spec.TaskTemplate.ContainerSpec.Command!.Take(2));
            Assert.Contains("read into the environment by /bin/sh", await api.GetStringAsync($"/api/deployments/{name}/logs"), StringComparison.Ordinal);
            var secret = Assert.Single(await SecretsAsync(manager, name), s => s.Spec!.Labels!["webops.secret_key"] == "API_TOKEN");
            Assert.Matches($"^webops-{name}-api-token-[0-9a-f]{{12}}$", secret.Spec!.Name);
            Assert.Equal(("true", "API_TOKEN"), (secret.Spec.Labels!["webops.managed"], secret.Spec.Labels["webops.secret_key"]));
            Assert.Equal(secret.ID, Assert.Single(service.Spec.TaskTemplate.ContainerSpec.Secrets!, s => s.File!.Name == "API_TOKEN").SecretID);

            // A new value is a new secret; the old one goes once the deploy succeeded.
            var runs = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var firstRun = runs[0].GetProperty("id").GetInt32();
            var edited = await api.PatchAsJsonAsync($"/api/deployments/{name}", new { env_vars = new Dictionary<string, string> { ["API_TOKEN"] = second, ["GREETING"] = greeting } });
            Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());
            await api.PostAsync($"/api/deployments/{name}/deploy", null);
            d = await DeployWait.ForRunEndAsync(api, name, firstRun, 10);
            Assert.True(d.GetProperty("status").GetString() == "running", await api.GetStringAsync($"/api/deployments/{name}/logs"));
            var replaced = Assert.Single(await SecretsAsync(manager, name), s => s.Spec!.Labels!["webops.secret_key"] == "API_TOKEN");
            Assert.NotEqual(secret.Spec.Name, replaced.Spec!.Name);
            await ClusterTestPanel.WaitForAsync("the new task serving the new value", TimeSpan.FromSeconds(60), async () =>
            {
                var served = await ServedAsync(manager, name, "token");
                return (served == second, served);
            });
            Assert.Contains($"API_TOKEN={second}", (await ServedAsync(manager, name, "env")).Split('\n'));
            Assert.Equal(2, (await SecretsAsync(manager, name)).Count);

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

    [SwarmFact]
    public async Task An_image_without_bin_sh_gets_its_variables_as_plain_environment_and_the_log_says_they_are_visible_in_the_spec()
    {
        await SwarmClusterFixture.EnsureSwarmAsync();
        var name = "swn-" + Guid.NewGuid().ToString("N")[..8];
        var greeting = "plain-" + Guid.NewGuid().ToString("N");
        await using var panel = await SwarmDeployTests.StartPanelAsync();
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        try
        {
            using var api = await panel.WithTokenAsync();

            // Like a distroless image: one static binary, no /bin/sh (busybox's shell runs by its own path).
            var repo = await GitRepo.CreateAsync(
                ("Dockerfile", $"FROM {TestImages.Busybox} AS tools\nFROM scratch\nCOPY --from=tools /bin/busybox /busybox\nCMD [\"/busybox\", \"sh\", \"-c\", \"/busybox mkdir -p /www && /busybox env > /www/env && exec /busybox httpd -f -p 8080 -h /www\"]\n"));
            var created = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                port = 8080,
                target = "swarm",
                env_vars = new Dictionary<string, string> { ["GREETING"] = greeting },
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await DeployWait.ForRunEndAsync(api, name, 0, 10);
            var logs = await api.GetStringAsync($"/api/deployments/{name}/logs");
            Assert.True(d.GetProperty("status").GetString() == "running", logs);

            Assert.Contains($"GREETING={greeting}", (await ServedAsync(manager, name, "env")).Split('\n'));
            Assert.Contains("Variables GREETING are visible in the service spec (docker service inspect) because image", logs, StringComparison.Ordinal);
            var service = await manager.Swarm.InspectServiceAsync($"webops-{name}");
            Assert.Contains($"GREETING={greeting}", service.Spec!.TaskTemplate!.ContainerSpec!.Env!);
            Assert.Null(service.Spec.TaskTemplate.ContainerSpec.Command);
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
    internal static async Task<string> ServedAsync(DockerClient manager, string name, string file)
    {
        var nodes = (await manager.Swarm.ListNodesAsync()).ToDictionary(n => n.ID, n => n.Status!.Addr);
        var task = (await SwarmDeployTests.TasksAsync(manager, name))
            .Where(t => t.DesiredState == TaskState.Running && t.Status!.State == TaskState.Running)
            .OrderByDescending(t => t.CreatedAt).First();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return (await http.GetStringAsync($"http://{nodes[task.NodeID!]}:{task.Status!.PortStatus!.Ports![0].PublishedPort}/{file}")).Trim();
    }
}

using System.Net;
using System.Net.Http.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Compose;

/// <summary>A Compose deployment's resource settings and named volumes, on the real engine and the host's Compose CLI.</summary>
public sealed class ComposeResourceTests
{
    [ComposeFact]
    public async Task Every_service_runs_with_the_deployments_memory_limit_and_log_rotation()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("cl");
        var project = $"webops-{name}";
        try
        {
            var repo = await GitRepo.CreateAsync(App());
            var created = await world.Api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                use_docker = true,
                memory_limit = "96m",
                pids_limit = 200,
                restart_policy = "on-failure:2",
                log_max_size = "2m",
                log_max_file = 4,
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var d = await world.WaitForDeployAsync(name);
            Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));

            foreach (var service in new[] { "web", "worker" })
            {
                var inspect = await world.Engine.Containers.InspectContainerAsync(await ContainerAsync(world, project, service));
                var host = inspect.HostConfig!;
                Assert.Equal(96L * 1024 * 1024, host.Memory);
                Assert.Equal(200L, host.PidsLimit);
                Assert.Equal((RestartPolicyKind.OnFailure, 2L), (host.RestartPolicy.Name, host.RestartPolicy.MaximumRetryCount));
                Assert.Equal("json-file", host.LogConfig.Type);
                Assert.Equal("2m", host.LogConfig.Config["max-size"]);
                Assert.Equal("4", host.LogConfig.Config["max-file"]);
            }
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, project);
        }
    }

    internal static (string, string)[] App() =>
    [
        ("compose.yaml", $$"""
            services:
              web:
                image: {{TestImages.Busybox}}
                command: ["/bin/busybox", "httpd", "-f", "-v", "-p", "8080", "-h", "/"]
                expose: ["8080"]
                volumes: ["data:/data"]
              worker:
                image: {{TestImages.Busybox}}
                command: ["/bin/busybox", "sleep", "3600"]
            volumes:
              data: {}
            """),
    ];

    internal static async Task<string> ContainerAsync(DeployedApp world, string project, string service) =>
        (await world.Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ComposeProjectCleanup.ProjectFilter(project) }))
            .Single(c => c.Labels["com.docker.compose.service"] == service).ID;
}

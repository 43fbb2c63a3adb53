using System.Net;
using System.Net.Http.Json;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.EndToEnd;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Compose;

/// <summary>A Compose project's named volumes on delete, on the real engine and the host's Compose CLI.</summary>
public sealed class ComposeVolumeTests
{
    [ComposeFact]
    public async Task Delete_keeps_named_volumes_by_default_and_removes_them_when_asked()
    {
        await using var world = await DeployedApp.StartAsync();
        var name = world.NewName("cv");
        var project = $"webops-{name}";
        var volume = $"{project}_data";
        try
        {
            var repo = await GitRepo.CreateAsync(ComposeResourceTests.App());
            await DeployAsync(world, name, repo.Url);
            Assert.Equal(HttpStatusCode.NoContent, (await world.Api.DeleteAsync($"/api/deployments/{name}")).StatusCode);
            Assert.Contains(volume, await VolumesAsync(world));

            await DeployAsync(world, name, repo.Url);
            Assert.Equal(HttpStatusCode.NoContent, (await world.Api.DeleteAsync($"/api/deployments/{name}?remove_volumes=true")).StatusCode);
            Assert.DoesNotContain(volume, await VolumesAsync(world));
            Assert.Empty(await world.Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ComposeProjectCleanup.ProjectFilter(project) }));
        }
        finally
        {
            await ComposeProjectCleanup.RunAsync(world.Engine, project);
        }
    }

    private static async Task DeployAsync(DeployedApp world, string name, string repoUrl)
    {
        var created = await world.Api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repoUrl, use_docker = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var d = await world.WaitForDeployAsync(name);
        Assert.True(d.GetProperty("status").GetString() == "running", await world.LogAsync(name));
    }

    private static async Task<List<string>> VolumesAsync(DeployedApp world) =>
        [.. ((await world.Engine.Volumes.ListAsync(new VolumesListParameters())).Volumes ?? []).Select(v => v.Name)];
}

using Docker.DotNet;
using Docker.DotNet.Models;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// Removes what a swarm test made for its deployment, by label, on both test engines: the service, then (once its task
/// containers are gone, since they hold the image) the images, and the deployment's Swarm secrets.
/// </summary>
internal static class SwarmTasksCleanup
{
    public static async Task RemoveAsync(string name)
    {
        using var manager = ClusterTestPanel.Engine(SwarmClusterFixture.ManagerEndpoint);
        using var worker = ClusterTestPanel.Engine(SwarmClusterFixture.WorkerEndpoint);
        var byLabel = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={name}"] = true } };
        foreach (var service in await manager.Swarm.ListServicesAsync(new ServiceListParameters { Filters = byLabel }))
        {
            await manager.Swarm.RemoveServiceAsync(service.ID);
        }

        foreach (var engine in new[] { manager, worker })
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && (await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = byLabel })).Count > 0)
            {
                await Task.Delay(500);
            }

            foreach (var image in await engine.Images.ListImagesAsync(new ImagesListParameters { Filters = byLabel }))
            {
                try
                {
                    await engine.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
                }
                catch (DockerApiException)
                {
                    // Gone already, with another tag of the same image.
                }
            }
        }

        foreach (var secret in await manager.Secrets.ListAsync())
        {
            if (secret.Spec?.Labels is { } labels && labels.TryGetValue("webops.deployment", out var owner) && owner == name)
            {
                await manager.Secrets.DeleteAsync(secret.ID);
            }
        }
    }
}

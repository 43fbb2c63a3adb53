using Docker.DotNet;
using Docker.DotNet.Models;

namespace WebOps.Tests.Integration.Compose;

/// <summary>Removes what a test's Compose project left (containers, networks, volumes, built images), found by Compose's project label.</summary>
public static class ComposeProjectCleanup
{
    public static Dictionary<string, IDictionary<string, bool>> ProjectFilter(string project) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"com.docker.compose.project={project}"] = true } };

    /// <summary>Both projects of the deployment <paramref name="project"/> belongs to (<c>webops-NAME</c> and <c>webops-NAME_b</c>).</summary>
    public static async Task RunAsync(DockerClient engine, string project)
    {
        // The second first: its containers mount named volumes that carry the first project's label.
        await RunOneAsync(engine, project + "_b");
        await RunOneAsync(engine, project);
    }

    private static async Task RunOneAsync(DockerClient engine, string project)
    {
        var containers = await engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(project) });
        // Unnamed volumes carry no label; a recreated container holds its predecessor's by name, so they are listed first.
        var unnamed = containers.SelectMany(c => c.Mounts).Where(m => m.Type == "volume" && m.Name is { Length: 64 }).Select(m => m.Name!).Distinct().ToList();
        foreach (var c in containers)
        {
            await engine.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }

        foreach (var volume in unnamed)
        {
            try
            {
                await engine.Volumes.RemoveAsync(volume, force: true);
            }
            catch (DockerApiException)
            {
                // Removed with its container already.
            }
        }

        foreach (var n in await engine.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(project) }))
        {
            await engine.Networks.DeleteNetworkAsync(n.ID);
        }

        foreach (var v in (await engine.Volumes.ListAsync(new VolumesListParameters { Filters = ProjectFilter(project) })).Volumes ?? [])
        {
            await engine.Volumes.RemoveAsync(v.Name, force: true);
        }

        // Compose 1.29 tags built images PROJECT_SERVICE, v2 PROJECT-SERVICE; neither carries a label of ours.
        foreach (var image in await engine.Images.ListImagesAsync(new ImagesListParameters { All = false }))
        {
            if ((image.RepoTags ?? []).Any(t => t.StartsWith(project + "_", StringComparison.Ordinal) || t.StartsWith(project + "-", StringComparison.Ordinal)))
            {
                try
                {
                    await engine.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
                }
                catch (DockerApiException)
                {
                    // Removed already with another of its tags.
                }
            }
        }
    }
}

using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// Looks into the image of a swarm deploy on the manager, where it was built: its entrypoint and command from the
/// image's config, and whether <c>/bin/sh</c> exists, by creating a container from it (never started), asking the
/// engine about the path, and removing the container again, also when the question failed.
/// </summary>
public sealed class SwarmImageProbe(SwarmServices services)
{
    public const string ShellPath = "/bin/sh";

    public const string ProbeLabel = "webops.probe";

    /// <summary>
    /// <c>repo@digest</c> for <c>repo:tag@digest</c> (a pushed release), which the engine looks up by digest alone;
    /// anything else as it is.
    /// </summary>
    public static string Local(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return image;
        }

        var name = image[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] + image[at..] : image;
    }

    /// <summary>Null when the manager does not have the image.</summary>
    public async Task<SwarmImageFacts?> ProbeAsync(string image, CancellationToken ct)
    {
        try
        {
            return await LookAsync(image, ct);
        }
        catch (DockerApiException e) when (e is not DockerImageNotFoundException)
        {
            throw new SwarmDeployException($"Looking for {ShellPath} in image {image} on the manager failed: {EngineErrors.Describe(e)}. Check the manager's engine (docker info), then deploy again.");
        }
    }

    private async Task<SwarmImageFacts?> LookAsync(string image, CancellationToken ct)
    {
        var client = await services.ClientAsync(ct);
        ImageInspectResponse inspected;
        try
        {
            inspected = await services.Call(() => client.Images.InspectImageAsync(image, ct));
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }

        var created = await services.Call(() => client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = image,
            // Never started: a command is only needed for images that have none, which create refuses otherwise.
            Entrypoint = [ShellPath],
            // Beside the labels it inherits from the image, so it can be told from the deployment's own containers.
            Labels = new Dictionary<string, string> { [ProbeLabel] = "true" },
        }, ct));
        try
        {
            return new SwarmImageFacts(await HasPathAsync(client, created.ID, ct), inspected.Config?.Entrypoint ?? [], inspected.Config?.Cmd ?? []);
        }
        finally
        {
            // Not the deploy's token: a cancelled deploy still removes its probe.
            await services.Call(() => client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None));
        }
    }

    private async Task<bool> HasPathAsync(DockerClient client, string container, CancellationToken ct)
    {
        try
        {
            await services.Call(() => client.Containers.GetArchiveFromContainerAsync(container, new ContainerPathStatParameters { Path = ShellPath }, statOnly: true, ct));
            return true;
        }
        catch (DockerContainerNotFoundException)
        {
            // The engine answers 404 for a missing path as for a missing container; the container exists.
            return false;
        }
    }
}

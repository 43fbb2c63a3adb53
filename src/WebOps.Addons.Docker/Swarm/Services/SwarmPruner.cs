using Docker.DotNet;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// After a swarm deploy converged, removes the manager's tags of runs no kept release needs (<see cref="SwarmPrunePlan"/>).
/// Pushed images stay in the registry; its own garbage collection removes them.
/// </summary>
public sealed class SwarmPruner(DockerEngine engine, IOptions<DockerOptions> options)
{
    public async Task<IReadOnlyList<string>> PruneAsync(HookContext context, string registryRepository, string inUse, CancellationToken ct)
    {
        var d = context.Deployment;
        var keep = options.Value.KeepImages;
        IReadOnlyList<string> removable;
        try
        {
            var images = await engine.ListImagesAsync(Labels.ForDeployment(d.Name), ct);
            var localRepository = ImageReference.Split(d.ImageName).Repository;
            removable = SwarmPrunePlan.Removable(images.SelectMany(i => i.RepoTags ?? []), registryRepository, localRepository, inUse, context.EarlierReleaseImages, keep);
        }
        catch (DockerApiException e)
        {
            // Pruning is housekeeping: the deploy already succeeded, the next one prunes again.
            context.Log.Warn($"Could not list old images of '{d.Name}': {EngineErrors.Describe(e)}");
            return [];
        }

        var removed = new List<string>();
        foreach (var tag in removable)
        {
            try
            {
                // Forced: Swarm keeps the stopped containers of old tasks as history, and they hold their image; the
                // engine still refuses, even forced, to remove an image a running task uses.
                await engine.RemoveImageAsync(tag, force: true, ct);
                removed.Add(tag);
            }
            catch (DockerApiException e)
            {
                context.Log.Warn($"Kept old image {tag}: {EngineErrors.Describe(e)}");
            }
        }

        if (removed.Count > 0)
        {
            context.Log.Info($"Removed {removed.Count} old image tag(s) from the manager, keeping those of the newest {Math.Max(keep, Core.Releases.ReleaseRetention.AlwaysKept)} releases: {string.Join(", ", removed)}");
        }

        return removed;
    }
}

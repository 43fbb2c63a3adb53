using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The Swarm secrets of swarm deployments on the manager, labelled for WebOps and the deployment: created before the
/// service is, removed once no deploy needs them. Swarm secrets cannot change, so each value has its own
/// (<see cref="SwarmSecrets.NameOf"/>).
/// </summary>
public sealed class SwarmSecretsStore(SwarmServices services)
{
    /// <summary>Creates those of <paramref name="files"/> that do not exist yet; answers all of them with their ids.</summary>
    public async Task<IReadOnlyList<SwarmSecretMount>> EnsureAsync(string deployment, IReadOnlyList<SwarmSecretFile> files, CancellationToken ct)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var client = await services.ClientAsync(ct);
        var existing = (await OfAsync(client, deployment, ct)).ToDictionary(s => s.Spec!.Name!, s => s.ID, StringComparer.Ordinal);
        var mounts = new List<SwarmSecretMount>();
        foreach (var file in files)
        {
            if (!existing.TryGetValue(file.Name, out var id))
            {
                var spec = new SwarmSecretSpec
                {
                    Name = file.Name,
                    Data = System.Text.Encoding.UTF8.GetBytes(file.Value),
                    Labels = new Dictionary<string, string> { [Labels.Managed] = "true", [Labels.Deployment] = deployment, [SwarmSecrets.KeyLabel] = file.Key },
                };
                try
                {
                    id = (await services.Call(() => client.Secrets.CreateAsync(spec, ct))).ID;
                }
                catch (DockerApiException e)
                {
                    throw new SwarmDeployException($"Creating Swarm secret {file.Name} for variable {file.Key} of '{deployment}' failed: {EngineErrors.Describe(e)}");
                }
            }

            mounts.Add(new SwarmSecretMount(file.Key, file.Name, id));
        }

        return mounts;
    }

    /// <summary>Removes the deployment's secrets not in <paramref name="keep"/>; answers the names removed. One still in use stays for the next deploy.</summary>
    public async Task<IReadOnlyList<string>> RemoveAsync(string deployment, IReadOnlySet<string> keep, Action<string> warn, CancellationToken ct)
    {
        var client = await services.ClientAsync(ct);
        var removed = new List<string>();
        foreach (var secret in await OfAsync(client, deployment, ct))
        {
            if (keep.Contains(secret.Spec!.Name!))
            {
                continue;
            }

            try
            {
                await services.Call(() => client.Secrets.DeleteAsync(secret.ID, ct));
                removed.Add(secret.Spec.Name!);
            }
            catch (DockerApiException e) when (e.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                warn($"Kept Swarm secret {secret.Spec.Name}: {EngineErrors.Describe(e)}");
            }
            catch (DockerApiException)
            {
                // Removed meanwhile: gone is what was asked.
            }
        }

        return removed;
    }

    private async Task<IEnumerable<Secret>> OfAsync(DockerClient client, string deployment, CancellationToken ct) =>
        (await services.Call(() => client.Secrets.ListAsync(ct))).Where(s =>
            s.Spec?.Name is not null && s.Spec.Labels is { } labels
            && labels.TryGetValue(Labels.Deployment, out var owner) && owner == deployment
            && labels.TryGetValue(Labels.Managed, out var managed) && managed == "true");
}

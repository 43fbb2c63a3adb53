using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Resources;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The file the panel lays over the repository's compose file: every service reads the deployment's env file and
/// carries the panel's labels and the deployment's resource settings (limits, restart policy, log rotation); the public
/// service is published on loopback at the deployment's host port and alone gets the HTTP health check, which probes
/// the app's port. The file's named volumes get fixed engine names, the same for both of the
/// deployment's projects, so a release beside the running one mounts the same data. Written
/// as JSON, which every YAML parser reads, so no value can break the file's structure.
/// </summary>
public static class ComposeOverride
{
    /// <summary>Relaxed escaping keeps the health check's shell text readable (<c>\"</c>, not <c>\u0022</c>); the file is never HTML.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="volumes">Keys of the file's top-level volumes to give the name <see cref="ComposeNames.Volume"/>; the
    /// caller passes none when the file's version cannot name volumes.</param>
    /// <param name="version">The repository file's top-level <c>version</c>, repeated because Compose 1.29 refuses to
    /// merge files of different versions; null when it has none.</param>
    public static string Render(
        IReadOnlyList<string> services, string publicService, string bindAddress, int hostPort, int containerPort,
        string envFile, string deployment, int? runId, string? version, ResourceSettings resources, IReadOnlyList<string>? volumes = null)
    {
        var nodes = new JsonObject();
        foreach (var name in services)
        {
            var labels = new JsonObject();
            foreach (var (key, value) in Labels.ForRun(deployment, runId).Concat(OomKill.Labels(resources)))
            {
                labels[key] = value;
            }

            var service = new JsonObject { ["env_file"] = new JsonArray(envFile), ["labels"] = labels };
            if (name == publicService)
            {
                service["ports"] = new JsonArray($"{bindAddress}:{hostPort}:{containerPort}");
            }

            // Another service does not listen on the app's port, so only the public one is health-checked.
            var limits = Core.Resources.ComposeOverride.ForService(resources, name == publicService ? containerPort : null);
            foreach (var (key, value) in limits)
            {
                service[key] = JsonSerializer.SerializeToNode(value);
            }

            nodes[name] = service;
        }

        var root = new JsonObject();
        if (version is not null)
        {
            root["version"] = version;
        }

        root["services"] = nodes;
        if (volumes is { Count: > 0 })
        {
            var named = new JsonObject();
            foreach (var key in volumes)
            {
                named[key] = new JsonObject { ["name"] = ComposeNames.Volume(deployment, key) };
            }

            root["volumes"] = named;
        }

        return root.ToJsonString(Indented) + "\n";
    }
}

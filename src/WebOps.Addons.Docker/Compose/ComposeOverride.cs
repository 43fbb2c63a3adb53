using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The file the panel lays over the repository's compose file: every service reads the deployment's env file and
/// carries the panel's labels; the public service is published on loopback at the deployment's host port. Written
/// as JSON, which every YAML parser reads, so no value can break the file's structure.
/// </summary>
public static class ComposeOverride
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="version">The repository file's top-level <c>version</c>, repeated because Compose 1.29 refuses to
    /// merge files of different versions; null when it has none.</param>
    public static string Render(
        IReadOnlyList<string> services, string publicService, string bindAddress, int hostPort, int containerPort,
        string envFile, string deployment, int? runId, string? version)
    {
        var nodes = new JsonObject();
        foreach (var name in services)
        {
            var labels = new JsonObject();
            foreach (var (key, value) in Labels.ForRun(deployment, runId))
            {
                labels[key] = value;
            }

            var service = new JsonObject { ["env_file"] = new JsonArray(envFile), ["labels"] = labels };
            if (name == publicService)
            {
                service["ports"] = new JsonArray($"{bindAddress}:{hostPort}:{containerPort}");
            }

            nodes[name] = service;
        }

        var root = new JsonObject();
        if (version is not null)
        {
            root["version"] = version;
        }

        root["services"] = nodes;
        return root.ToJsonString(Indented) + "\n";
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace WebOps.Core.Hooks;

/// <summary>
/// The JSON an executable hook reads on stdin (one line, snake_case). Env var values are masked as <c>***</c>
/// unless the addon's manifest sets <c>secrets: true</c>.
/// </summary>
public static class HookPayload
{
    public const string Mask = "***";

    // Relaxed escaping keeps URLs and non-ASCII text readable for scripts that grep the line; it is never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(HookContext context, bool includeSecrets)
    {
        var d = context.Deployment;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("event", context.Event.ToName());
            json.WriteStartObject("deployment");
            json.WriteString("name", d.Name);
            json.WriteString("repo_url", d.RepoUrl);
            json.WriteString("branch", d.Branch);
            json.WriteString("commit_sha", d.CommitSha);
            json.WriteString("project_type", d.ProjectType.ToString().ToLowerInvariant());
            json.WriteNumber("port", d.Port);
            WriteNumber(json, "host_port", d.HostPort);
            json.WriteBoolean("use_docker", d.UseDocker);
            json.WriteString("image_name", d.ImageName);
            json.WriteString("container_name", d.ContainerName);
            json.WriteStartObject("env_vars");
            foreach (var (key, value) in d.EnvVars.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, includeSecrets ? value : Mask);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("checkout_path", context.CheckoutPath);
            WriteNumber(json, "deploy_run_id", d.DeployRunId);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

using System.Globalization;

namespace WebOps.Pages.Deployments;

/// <summary>The words a person sees for each field of the deployment form.</summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, (string Field, string Row)> Labels = new(StringComparer.Ordinal)
    {
        ["name"] = ("Name", ""),
        ["repo_url"] = ("Repository URL", ""),
        ["branch"] = ("Branch", ""),
        ["project_type"] = ("Project type", ""),
        ["port"] = ("Port", ""),
        ["env_vars"] = ("Environment variables", "Environment variable"),
        ["use_docker"] = ("Use Docker", ""),
        ["auto_generate_dockerfile"] = ("Auto-generate Dockerfile", ""),
        ["dockerfile_path"] = ("Dockerfile path", ""),
        ["docker_network_mode"] = ("Network mode", ""),
        ["docker_build_args"] = ("Build arguments", "Build argument"),
        ["docker_env_vars"] = ("Docker environment variables", "Docker environment variable"),
        ["docker_volumes"] = ("Volumes", "Volume"),
        ["docker_ports"] = ("Extra ports", "Port mapping"),
        ["domains"] = ("Domains", "Domain"),
        ["tls"] = ("TLS", ""),
        ["auto_deploy"] = ("Deploy on push", ""),
        ["docker_image_name"] = ("Image name", ""),
        ["docker_compose_path"] = ("Compose file path", ""),
        ["memory_limit"] = ("Memory limit", ""),
        ["memory_reservation"] = ("Memory reservation", ""),
        ["cpu_limit"] = ("CPU limit", ""),
        ["pids_limit"] = ("Process limit", ""),
        ["restart_policy"] = ("Restart policy", ""),
        ["log_max_size"] = ("Log file size", ""),
        ["log_max_file"] = ("Log files kept", ""),
        ["health_check.path"] = ("Health check path", ""),
        ["health_check.interval"] = ("Health check interval", ""),
        ["health_check.timeout"] = ("Health check timeout", ""),
        ["health_check.retries"] = ("Health check retries", ""),
        ["health_check.start_period"] = ("Health check start period", ""),
        ["compose_service"] = ("Public compose service", ""),
        ["llm.model"] = ("Model", ""),
        ["llm.served_model_name"] = ("Served model name", ""),
        ["llm.gpu_memory_utilization"] = ("GPU memory utilization", ""),
        ["llm.quantization"] = ("Quantization", ""),
        ["llm.max_model_len"] = ("Max model length", ""),
        ["llm.dtype"] = ("Data type", ""),
        ["llm.tensor_parallel_size"] = ("Tensor parallel size", ""),
        ["llm.gpus"] = ("GPUs", ""),
        ["llm.cache_volume"] = ("Model cache volume", ""),
        ["llm.hf_token"] = ("Hugging Face token", ""),
    };

    /// <summary>What one row of an editor is called: "Volume", "Environment variable".</summary>
    public static string RowLabel(string field) => Labels.TryGetValue(field, out var label) && label.Row.Length > 0 ? label.Row : field;

    /// <summary>
    /// A slot's label: "Volume 2" for a list row, "Environment variable DEBUG" for a map row (the key comes from
    /// the error's path), the field's own label otherwise, or the raw path for something unknown.
    /// </summary>
    public static string For(string slot, string path)
    {
        var hash = slot.IndexOf('#', StringComparison.Ordinal);
        var field = hash < 0 ? slot : slot[..hash];
        if (!Labels.TryGetValue(field, out var label))
        {
            return path;
        }

        var open = path.IndexOf('[', StringComparison.Ordinal);
        var inner = open >= 0 && path.EndsWith(']') ? path[(open + 1)..^1] : "";
        var numbered = hash < 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{label.Row} {int.Parse(slot[(hash + 1)..], CultureInfo.InvariantCulture) + 1}");
        if (field is "docker_volumes" or "docker_ports" or "domains" || inner.Length == 0)
        {
            return numbered ?? label.Field;
        }

        return label.Row.Length > 0 ? $"{label.Row} {inner}" : label.Field;
    }
}

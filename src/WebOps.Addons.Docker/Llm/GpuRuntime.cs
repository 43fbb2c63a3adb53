namespace WebOps.Addons.Docker.Llm;

/// <summary>Whether the Docker engine can give containers NVIDIA GPUs, judged from its <c>/info</c>.</summary>
public static class GpuRuntime
{
    public const string Nvidia = "nvidia";

    /// <summary>Null when the engine has the NVIDIA runtime (listed, or the default); else the message for the user.</summary>
    public static string? Problem(IEnumerable<string>? runtimes, string? defaultRuntime)
    {
        var names = (runtimes ?? []).Order(StringComparer.Ordinal).ToList();
        if (names.Contains(Nvidia, StringComparer.OrdinalIgnoreCase) || string.Equals(defaultRuntime, Nvidia, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return $"No GPU runtime on this Docker host: the engine lists runtimes [{string.Join(", ", names)}]; "
            + "install the NVIDIA Container Toolkit and restart Docker, then redeploy.";
    }
}

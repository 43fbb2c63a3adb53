using WebOps.Core.Validation;
using YamlDotNet.RepresentationModel;

namespace WebOps.Core.Compose;

/// <summary>
/// Refuses what a compose file may not ask for unless an admin allows it: host ports, privileged containers, the
/// host's PID or network namespace, ALL or SYS_ADMIN capabilities, devices, and bind mounts of denied host paths or
/// of folders outside the repository. Each error names the service and the key, e.g.
/// <c>services.web.privileged: …</c>. Lexical only: nothing is read from disk.
/// </summary>
public static class ComposeValidator
{
    private static readonly string[] DangerousCapabilities = ["ALL", "SYS_ADMIN"];

    /// <param name="checkoutRoot">The repository's folder; relative bind mounts and build contexts must stay inside.</param>
    /// <param name="composeFolder">The compose file's folder, which relative paths in it start from.</param>
    public static IReadOnlyList<string> Validate(ComposeDocument document, ComposePolicy policy, string checkoutRoot, string composeFolder)
    {
        var errors = new List<string>();
        var paths = new ComposePaths(checkoutRoot, composeFolder, policy.DeniedHostPaths);
        foreach (var (name, service) in document.ServiceNodes)
        {
            var at = $"services.{Describe.Visible(name, 60)}";
            CheckService(service, at, policy, paths, errors);
        }

        return errors;
    }

    private static void CheckService(YamlMappingNode service, string at, ComposePolicy policy, ComposePaths paths, List<string> errors)
    {
        if (!policy.AllowPrivileged && ComposeYaml.IsTrue(ComposeYaml.Get(service, "privileged")))
        {
            errors.Add($"{at}.privileged: true is not allowed (it gives the container the whole host); remove it, or set Docker:AllowComposePrivileged=true.");
        }

        foreach (var key in new[] { "pid", "network_mode" })
        {
            if (!policy.AllowHostNamespaces && ComposeYaml.Scalar(ComposeYaml.Get(service, key)) == "host")
            {
                errors.Add($"{at}.{key}: host is not allowed (the container would share the host's {(key == "pid" ? "processes" : "network")}); remove it, or set Docker:AllowComposeHostNamespaces=true.");
            }
        }

        if (!policy.AllowCapabilities)
        {
            var capabilities = ComposeYaml.Items(ComposeYaml.Get(service, "cap_add"));
            for (var i = 0; i < capabilities.Count; i++)
            {
                var value = ComposeYaml.Scalar(capabilities[i]) ?? "";
                var capability = value.ToUpperInvariant();
                capability = capability.StartsWith("CAP_", StringComparison.Ordinal) ? capability[4..] : capability;
                if (DangerousCapabilities.Contains(capability))
                {
                    errors.Add($"{at}.cap_add[{ComposeYaml.Index(i)}]: {Describe.Quote(value)} is not allowed (it gives the container control of the host); remove it, or set Docker:AllowComposeCapabilities=true.");
                }
            }
        }

        if (!policy.AllowDevices && ComposeYaml.Items(ComposeYaml.Get(service, "devices")).Count > 0)
        {
            errors.Add($"{at}.devices: host devices are not allowed; remove them, or set Docker:AllowComposeDevices=true.");
        }

        if (!policy.AllowPorts)
        {
            var ports = ComposeYaml.Items(ComposeYaml.Get(service, "ports"));
            for (var i = 0; i < ports.Count; i++)
            {
                errors.Add($"{at}.ports[{ComposeYaml.Index(i)}]: publishing {Describe.Quote(ComposePorts.Describe(ports[i]))} on the host is not allowed; use 'expose' and set compose_service (the panel publishes it on loopback and routes domains to it), or set Docker:AllowComposePorts=true.");
            }
        }

        var volumes = ComposeYaml.Items(ComposeYaml.Get(service, "volumes"));
        for (var i = 0; i < volumes.Count; i++)
        {
            if (paths.CheckVolume(volumes[i]) is { } problem)
            {
                errors.Add($"{at}.volumes[{ComposeYaml.Index(i)}]: {problem}");
            }
        }

        if (paths.CheckBuild(ComposeYaml.Get(service, "build")) is { } buildProblem)
        {
            errors.Add($"{at}.build: {buildProblem}");
        }
    }
}

namespace WebOps.Core.Compose;

/// <summary>The service the edge routes domains to, and the container port it listens on.</summary>
public sealed record PublicService(string Name, int Port)
{
    /// <summary>
    /// The deployment's compose_service (with its port: the deployment's port, else the service's first), else the first
    /// service that publishes or exposes a port. Returns the choice, or the reason there is none.
    /// </summary>
    public static (PublicService? Service, string? Problem) Choose(IReadOnlyList<ComposeService> services, string? requested, int port, string label)
    {
        if (requested is { Length: > 0 })
        {
            var named = services.FirstOrDefault(s => s.Name == requested);
            if (named is null)
            {
                return (null, $"compose_service '{requested}' is not a service of {label} (services: {string.Join(", ", services.Select(s => s.Name))}); choose one of them.");
            }

            var chosen = port > 0 ? port : named.ContainerPorts.Count > 0 ? named.ContainerPorts[0] : 0;
            return chosen > 0
                ? (new PublicService(named.Name, chosen), null)
                : (null, $"compose_service '{requested}' in {label} neither publishes nor exposes a port; add 'expose: [PORT]' to it, or set the deployment's port.");
        }

        var first = services.FirstOrDefault(s => s.ContainerPorts.Count > 0);
        return first is null
            ? (null, $"No service in {label} publishes or exposes a port; add 'expose: [PORT]' to the web service, or set compose_service and port.")
            : (new PublicService(first.Name, port > 0 ? port : first.ContainerPorts[0]), null);
    }
}

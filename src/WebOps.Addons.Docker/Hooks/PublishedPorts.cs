using System.Globalization;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Spec;
using ContainerSpec = WebOps.Addons.Docker.Spec.ContainerSpec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>Reads the ports the engine actually published (a port left to the engine is only known after start).</summary>
internal static class PublishedPorts
{
    public static (string Host, int Port)? AppEndpoint(ContainerInspectResponse inspect, PortPublish? appPort)
    {
        if (appPort is null || inspect.NetworkSettings?.Ports is not { } ports
            || !ports.TryGetValue(appPort.ContainerKey, out var bindings) || bindings is not { Count: > 0 })
        {
            return null;
        }

        var binding = bindings[0];
        return int.TryParse(binding.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (ProbeHost(binding.HostIP), port)
            : null;
    }

    public static StartedContainer Describe(ContainerSpec spec, ContainerInspectResponse inspect, int appPort)
    {
        var published = new List<string>();
        foreach (var key in spec.Ports.Select(p => p.ContainerKey).Distinct())
        {
            if (inspect.NetworkSettings?.Ports?.TryGetValue(key, out var bindings) == true && bindings is not null)
            {
                published.AddRange(bindings.Select(b => PortPublish.Describe(b.HostIP, b.HostPort, key)));
            }
        }

        var url = spec.NetworkMode switch
        {
            "host" => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{appPort}/"),
            "bridge" when AppEndpoint(inspect, spec.Ports.Count > 0 ? spec.Ports[0] : null) is { } app => $"http://{UrlHost(app.Host)}:{app.Port}/",
            _ => null,
        };
        return new StartedContainer(inspect.ID, published, url);
    }

    /// <summary>A port published on all addresses is reached through loopback.</summary>
    private static string ProbeHost(string? hostIp) => hostIp switch
    {
        null or "" or "0.0.0.0" => "127.0.0.1",
        "::" => "::1",
        _ => hostIp,
    };

    private static string UrlHost(string host) => host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
}

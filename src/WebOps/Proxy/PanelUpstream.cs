using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using WebOps.Core.Proxy;

namespace WebOps.Proxy;

/// <summary>
/// The panel's own loopback address, for the edge's route to the panel at <c>Proxy:PanelDomain</c>. Known only once
/// the server has bound its addresses (<c>--urls</c> may ask for port 0), so the proxy service is woken then.
/// </summary>
public sealed class PanelUpstream(
    IServer server, IHostApplicationLifetime lifetime, ProxyChanges changes, IOptions<ProxyOptions> options, ILogger<PanelUpstream> logger) : IHostedService
{
    public string? Address { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Address = PanelAddress.Loopback(addresses);
            if (options.Value.PanelDomain is { Length: > 0 } domain)
            {
                if (Address is null)
                {
                    ProxyLog.NoPanelUpstream(logger, domain, string.Join(", ", addresses));
                }

                changes.Notify();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

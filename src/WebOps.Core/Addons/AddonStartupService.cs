using Microsoft.Extensions.Hosting;

namespace WebOps.Core.Addons;

/// <summary>Runs addon discovery when the host starts, so hooks are registered before the first deploy.</summary>
public sealed class AddonStartupService(AddonRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

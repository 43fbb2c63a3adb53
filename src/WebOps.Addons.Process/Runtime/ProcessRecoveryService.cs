using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebOps.Addons.Process.Launch;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// At panel start, brings back every running deployment without Docker: a process that outlived the previous
/// panel is adopted (watched again), a dead one is started, a static site is served again. At panel stop, static
/// sites close and processes are left running for the next start.
/// </summary>
public sealed class ProcessRecoveryService(IStoredDeployments deployments, AppPaths paths, ProcessApps apps, ILogger<ProcessRecoveryService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var running = (await deployments.ListRunningAsync(cancellationToken)).Where(d => !d.UseDocker);
        await Task.WhenAll(running.Select(d => BringBackAsync(d, cancellationToken)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => apps.LeaveAllAsync();

    private async Task BringBackAsync(DeploymentSnapshot d, CancellationToken ct)
    {
        try
        {
            if (await LaunchSpec.LoadAsync(paths.LaunchFile(d.Name), ct) is not { } spec)
            {
                logger.LogWarning("Deployment {Name} is marked running but has no launch.json in {Folder}; redeploy it.", d.Name, paths.Root(d.Name));
                return;
            }

            var adopted = await apps.AdoptOrStartAsync(d.Name, spec, d.EnvVars, ct);
            logger.LogInformation("Deployment {Name}: {What}.", d.Name, adopted ? "running process adopted" : "started again");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Deployment {Name} could not be brought back after the panel started; start or redeploy it.", d.Name);
        }
    }
}

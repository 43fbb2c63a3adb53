using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Addons.Docker.Systemd;
using WebOps.Core.Hooks;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// With <c>Docker:Supervisor=systemd</c>: once the Engine API container answered (which proves the image and keeps
/// the rollback of <see cref="ContainerSwap"/>), the deployment's unit is installed and (re)started. Its
/// <c>ExecStartPre</c> removes that container and its <c>docker run</c> starts the same spec under systemd; the
/// app's port is then awaited again, on whichever container holds the name.
/// </summary>
internal static class UnitHandover
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<(StartedContainer? Started, string? Failure)> RunAsync(
        DockerEngine engine, DockerUnits units, HookContext context, ContainerSpec spec, TimeSpan timeout, CancellationToken ct)
    {
        var name = context.Deployment.Name;
        var unit = UnitInstaller.UnitName(name);
        try
        {
            await units.InstallAndStartAsync(name, spec, ct);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"Container {spec.Name} answered, but the systemd unit {unit} could not be installed or started: {e.Message}");
        }

        context.Log.Info($"Installed {units.Units.UnitPath(name)} and started {unit}; waiting up to {Durations.Describe(timeout)} for its container to answer.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var appPort = spec.Ports.Count > 0 ? spec.Ports[0] : null;
        try
        {
            while (true)
            {
                if (await engine.InspectContainerAsync(spec.Name, deadline.Token) is { State.Running: true } running)
                {
                    var (ready, last) = await ReadinessProbe.WaitAsync(
                        engine, running.ID, inspect => PublishedPorts.AppEndpoint(inspect, appPort), appPort is not null, timeout, deadline.Token);
                    if (ready && last is not null)
                    {
                        return (PublishedPorts.Describe(spec, last, context.Deployment.Port), null);
                    }
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"systemd unit {unit} did not bring container {spec.Name} up within {Durations.Describe(timeout)}. "
                + $"See 'journalctl -u {unit}' and 'systemctl status {unit}'.");
        }
    }
}

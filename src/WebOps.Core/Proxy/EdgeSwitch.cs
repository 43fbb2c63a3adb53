using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Core.Proxy;

/// <summary>
/// Switching a deployment's route to its new release, as a runtime hook does it: a switch that failed or was cut short
/// is put back to the old port (best effort, within its own time limit), so the saved port is the one that serves when
/// the new release is removed.
/// </summary>
public static class EdgeSwitch
{
    /// <summary>Null once the edge sends the deployment to <paramref name="port"/>; else why not (the old route is back).</summary>
    /// <exception cref="OperationCanceledException">The deploy was cancelled; the old route was put back first.</exception>
    public static async Task<string?> ToPortAsync(IEdgeRouter edge, HookContext context, string logSource, int port, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(edge);
        ArgumentNullException.ThrowIfNull(context);
        var deployment = context.Deployment;
        try
        {
            var warning = await edge.SwitchAsync(deployment.Name, port, ct);
            if (warning is not null)
            {
                context.Log.Write(DeploymentLogLevel.Warning, logSource, warning);
            }

            context.Log.Write(DeploymentLogLevel.Info, logSource, $"The edge now sends '{deployment.Name}' to port {port}.");
            return null;
        }
        catch (Exception e)
        {
            // Any failure (the edge, the database, a cancel) may have left the new port saved: put the old one back.
            await BackAsync(edge, context, logSource);
            if (e is OperationCanceledException)
            {
                throw;
            }

            return e is EdgeSwitchException ? e.Message : $"Could not switch the edge for '{deployment.Name}' to port {port}: {e.Message}";
        }
    }

    private static async Task BackAsync(IEdgeRouter edge, HookContext context, string logSource)
    {
        var deployment = context.Deployment;
        if (deployment.HostPort is not { } old)
        {
            return;
        }

        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await edge.SwitchAsync(deployment.Name, old, cleanup.Token);
        }
        catch (Exception back)
        {
            // Whatever went wrong, the deploy reports its first failure; this one only goes to the log.
            context.Log.Write(DeploymentLogLevel.Error, logSource,
                $"Could not switch '{deployment.Name}' back to port {old} either: {back.Message}. Redeploy it once the edge answers.");
        }
    }
}

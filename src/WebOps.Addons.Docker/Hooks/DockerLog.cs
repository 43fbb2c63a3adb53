using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>Writes deployment log lines under the addon's source name.</summary>
internal static class DockerLog
{
    public const string Source = "addon:docker";

    public static void Info(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Info, Source, message);

    public static void Warn(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Warning, Source, message);

    public static void Error(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Error, Source, message);

    /// <summary>Logs a failure and returns it, so a hook can <c>return context.Log.Failed(...)</c>.</summary>
    public static HookResult Failed(this IDeploymentLog log, string message)
    {
        log.Error(message);
        return HookResult.Fail(message);
    }
}

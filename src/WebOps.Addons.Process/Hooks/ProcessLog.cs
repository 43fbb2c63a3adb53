using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Process.Hooks;

/// <summary>Deploy log lines written by the process addon.</summary>
internal static class ProcessLog
{
    public const string Source = "addon:process";

    public static void Info(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Info, Source, message);

    public static void Warn(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Warning, Source, message);

    public static void Error(this IDeploymentLog log, string message) => log.Write(DeploymentLogLevel.Error, Source, message);
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using WebOps.Core.Systemd;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// Which supervisor runs app processes, decided once at start-up from <c>Deployments:Supervisor</c>: systemd only
/// when asked for and systemd is PID 1; otherwise the panel's own supervisor (with a warning when systemd was asked for).
/// </summary>
public sealed class SupervisorChoice
{
    public SupervisorChoice(IConfiguration configuration, SystemctlClient systemctl, ILogger<SupervisorChoice> logger)
    {
        var text = configuration["Deployments:Supervisor"];
        if (string.IsNullOrWhiteSpace(text) || !Enum.TryParse<SupervisorMode>(text, ignoreCase: true, out var mode))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                logger.LogWarning("Deployments:Supervisor '{Value}' is unknown (expected webops or systemd); using webops.", text);
            }

            mode = SupervisorMode.Webops;
        }

        if (mode == SupervisorMode.Systemd && !systemctl.IsPid1())
        {
            logger.LogWarning("Deployments:Supervisor is systemd but systemd is not PID 1 here; apps are supervised by WebOps instead.");
            mode = SupervisorMode.Webops;
        }

        Mode = mode;
    }

    public SupervisorMode Mode { get; }

    public bool UseSystemd => Mode == SupervisorMode.Systemd;
}

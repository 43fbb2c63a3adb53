namespace WebOps.Core.Systemd;

/// <summary>
/// Where systemd units are installed and how systemctl is reached, bound from the configuration section
/// <c>Systemd</c>. The defaults fit every systemd host; the settings exist for tests and unusual layouts.
/// </summary>
public sealed class SystemdOptions
{
    public const string SectionName = "Systemd";

    /// <summary>The systemctl program (advanced/test setting; default <c>systemctl</c> from PATH).</summary>
    public string SystemctlPath { get; set; } = "systemctl";

    /// <summary>The folder unit files are written to (advanced/test setting).</summary>
    public string UnitFolder { get; set; } = "/etc/systemd/system";

    /// <summary>Overrides the PID-1 check when set (test setting); null asks <c>/proc/1/comm</c>.</summary>
    public bool? AssumePid1 { get; set; }

    /// <summary>How long one systemctl call may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

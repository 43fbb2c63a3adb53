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

    /// <summary>
    /// The folder each unit's environment file (<c>NAME.env</c>, mode 0600) is written to. The app's variables are
    /// secrets, so they live there and never in the unit text, which anyone may read with <c>systemctl cat</c>.
    /// </summary>
    public string EnvFolder { get; set; } = "/etc/webops/env";

    /// <summary>Overrides the PID-1 check when set (test setting); null asks <c>/proc/1/comm</c>.</summary>
    public bool? AssumePid1 { get; set; }

    /// <summary>How long one systemctl call may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The environment file of a deployment's unit: <c>{EnvFolder}/{deployment}.env</c>.</summary>
    public string EnvFilePath(string deployment) => Path.Combine(EnvFolder, $"{deployment}.env");
}

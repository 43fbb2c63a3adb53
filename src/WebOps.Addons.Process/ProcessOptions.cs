namespace WebOps.Addons.Process;

/// <summary>Settings of the process addon, bound from the configuration section <c>Process</c>.</summary>
public sealed class ProcessOptions
{
    public const string SectionName = "Process";

    /// <summary>
    /// The interpreter that creates each deployment's virtual environment. Debian's own python3 by default: with
    /// system site packages it brings python3-django and gunicorn, so requirements install offline.
    /// </summary>
    public string Python { get; set; } = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>Create virtual environments with <c>--system-site-packages</c>.</summary>
    public bool SystemSitePackages { get; set; } = true;

    /// <summary>Run <c>manage.py migrate --noinput</c> on each deploy.</summary>
    public bool RunMigrations { get; set; } = true;

    /// <summary>How long <c>pip install</c> may take.</summary>
    public TimeSpan PipTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long each other build command (venv, migrate, collectstatic) may take.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a new app has to accept connections on its port before the deploy fails.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between SIGTERM and SIGKILL when an app is stopped.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Lines of app output kept in memory per deployment.</summary>
    public int LogLines { get; set; } = 2000;
}

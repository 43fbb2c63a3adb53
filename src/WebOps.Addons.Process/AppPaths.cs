using Microsoft.Extensions.Configuration;

namespace WebOps.Addons.Process;

/// <summary>Where a deployment's process files live: <c>&lt;data&gt;/apps/&lt;name&gt;/</c>.</summary>
public sealed class AppPaths(string dataFolder)
{
    public string DataFolder { get; } = dataFolder;

    public string AppsRoot => Path.Combine(DataFolder, "apps");

    public string Root(string name) => Path.Combine(AppsRoot, name);

    public string Venv(string name) => Path.Combine(Root(name), "venv");

    public string Current(string name) => Path.Combine(Root(name), "current");

    public string Release(string name, int runId) => Path.Combine(Root(name), $"release-{runId}");

    public string AppLog(string name) => Path.Combine(Root(name), "app.log");

    public string StdoutFile(string name) => Path.Combine(Root(name), "stdout.log");

    public string StderrFile(string name) => Path.Combine(Root(name), "stderr.log");

    public string PidFile(string name) => Path.Combine(Root(name), "pid");

    public string LaunchFile(string name) => Path.Combine(Root(name), "launch.json");

    /// <summary>The panel's data folder, resolved by the same rules as the panel's.</summary>
    public static AppPaths FromConfiguration(IConfiguration configuration) => new(WebOps.Core.DataFolder.Resolve(configuration));
}

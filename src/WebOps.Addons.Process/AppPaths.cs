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

    public string StdoutFile(string name, ReleaseSlot slot = ReleaseSlot.Current) => InSlot(name, slot, "stdout.log");

    public string StderrFile(string name, ReleaseSlot slot = ReleaseSlot.Current) => InSlot(name, slot, "stderr.log");

    public string PidFile(string name, ReleaseSlot slot = ReleaseSlot.Current) => InSlot(name, slot, "pid");

    public string LaunchFile(string name) => Path.Combine(Root(name), "launch.json");

    /// <summary>The current release's files keep their plain names; the others are prefixed: <c>next.pid</c>, <c>previous.stdout.log</c>.</summary>
    private string InSlot(string name, ReleaseSlot slot, string file) =>
        Path.Combine(Root(name), slot == ReleaseSlot.Current ? file : $"{slot.ToString().ToLowerInvariant()}.{file}");

    /// <summary>The panel's data folder, resolved by the same rules as the panel's.</summary>
    public static AppPaths FromConfiguration(IConfiguration configuration) => new(WebOps.Core.DataFolder.Resolve(configuration));
}

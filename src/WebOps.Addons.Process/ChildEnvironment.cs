using System.Diagnostics;

namespace WebOps.Addons.Process;

/// <summary>
/// The environment of build commands and apps: the panel's own variables (which may hold its secrets) are not
/// passed on; only a basic PATH, locale and home, then the given variables.
/// </summary>
public static class ChildEnvironment
{
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string> variables)
    {
        start.Environment.Clear();
        foreach (var (key, value) in Build(variables))
        {
            start.Environment[key] = value;
        }
    }

    /// <summary>The whole environment of the child, to be given to it in place of the panel's.</summary>
    public static Dictionary<string, string> Build(IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["LANG"] = "C.UTF-8",
            ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/",
        };
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return environment;
    }
}

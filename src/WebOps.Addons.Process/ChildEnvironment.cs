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
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "/";
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }
    }
}

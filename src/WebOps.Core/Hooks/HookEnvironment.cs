using System.Globalization;

namespace WebOps.Core.Hooks;

/// <summary>
/// The environment of an executable hook: the WEBOPS_* variables plus a few harmless basics from the panel's own
/// environment. Nothing else is inherited, so the panel's own secrets (database passwords, keys) never reach a hook.
/// </summary>
public static class HookEnvironment
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static readonly string[] Inherited = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER"];

    public static IReadOnlyDictionary<string, string> Build(HookContext context, string addonFolder, Func<string, string?> panelEnvironment)
    {
        var env = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (panelEnvironment(name) is { } value)
            {
                env[name] = value;
            }
        }

        env.TryAdd("PATH", DefaultPath);
        var d = context.Deployment;
        env["WEBOPS_EVENT"] = context.Event.ToName();
        env["WEBOPS_DEPLOYMENT"] = d.Name;
        env["WEBOPS_CHECKOUT"] = context.CheckoutPath ?? "";
        env["WEBOPS_BRANCH"] = d.Branch;
        env["WEBOPS_REPO_URL"] = d.RepoUrl;
        env["WEBOPS_COMMIT"] = d.CommitSha ?? "";
        env["WEBOPS_PORT"] = d.Port.ToString(CultureInfo.InvariantCulture);
        env["WEBOPS_HOST_PORT"] = d.HostPort?.ToString(CultureInfo.InvariantCulture) ?? "";
        env["WEBOPS_ADDON_DIR"] = addonFolder;
        return env;
    }
}

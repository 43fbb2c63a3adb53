using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Process.Build;

/// <summary>
/// Prepares a Django release without Docker: the deployment's virtual environment, its requirements, migrations
/// and static files, all run inside the release folder with the deployment's variables.
/// </summary>
public sealed class DjangoBuild(AppPaths paths, CommandRunner commands, IOptions<ProcessOptions> options)
{
    private const string Source = "addon:process";

    public async Task RunAsync(HookContext context, string release, CancellationToken ct)
    {
        var o = options.Value;
        var d = context.Deployment;
        var detection = context.Detection!;
        var venv = paths.Venv(d.Name);
        var python = Path.Combine(venv, "bin", "python");
        var environment = Variables(d, venv);
        if (!File.Exists(python))
        {
            List<string> venvArgs = ["-m", "venv", .. o.SystemSitePackages ? ["--system-site-packages"] : Array.Empty<string>(), venv];
            await commands.RunAsync(o.Python, venvArgs, paths.Root(d.Name), environment, o.CommandTimeout, context.Log, ct);
        }

        foreach (var file in detection.DependencyFiles.Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
        {
            await commands.RunAsync(python, ["-m", "pip", "install", "-r", file], release, environment, o.PipTimeout, context.Log, ct);
        }

        foreach (var other in detection.DependencyFiles.Where(f => !f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)))
        {
            context.Log.Write(DeploymentLogLevel.Warning, Source, $"{other}: only requirements files are installed without Docker; list these dependencies in a requirements.txt.");
        }

        var appDir = Path.GetFullPath(Path.Combine(release, detection.AppDir));
        if (o.RunMigrations && detection.HasDatabase)
        {
            await commands.RunAsync(python, ["manage.py", "migrate", "--noinput"], appDir, environment, o.CommandTimeout, context.Log, ct);
        }
        else if (o.RunMigrations)
        {
            context.Log.Write(DeploymentLogLevel.Info, Source, "No migrations run: the settings set up no database (DATABASES is missing or empty).");
        }

        if (detection.CollectStatic)
        {
            await commands.RunAsync(python, ["manage.py", "collectstatic", "--noinput"], appDir, environment, o.CommandTimeout, context.Log, ct);
        }
    }

    /// <summary>The deployment's variables plus the virtual environment; the panel's own environment is not passed on.</summary>
    private static Dictionary<string, string> Variables(DeploymentSnapshot d, string venv)
    {
        var variables = new Dictionary<string, string>(d.EnvVars, StringComparer.Ordinal)
        {
            ["PATH"] = $"{Path.Combine(venv, "bin")}:/usr/local/bin:/usr/bin:/bin",
            ["VIRTUAL_ENV"] = venv,
            ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
            ["PIP_NO_INPUT"] = "1",
            ["PYTHONUNBUFFERED"] = "1",
        };
        return variables;
    }
}

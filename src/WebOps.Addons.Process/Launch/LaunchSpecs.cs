namespace WebOps.Addons.Process.Launch;

/// <summary>Builds launch specs from what detection found: pure functions, tested by exact output.</summary>
public static class LaunchSpecs
{
    /// <summary>
    /// gunicorn serving <paramref name="wsgiModule"/> on loopback at the deployment's host port, from the
    /// virtual environment's gunicorn when it has one, else through <c>python -m gunicorn</c> (Debian's package
    /// seen through system site packages).
    /// </summary>
    public static LaunchSpec Django(string venv, bool venvHasGunicorn, string appDirectory, string wsgiModule, int hostPort)
    {
        var bin = Path.Combine(venv, "bin");
        var (program, prefix) = venvHasGunicorn
            ? (Path.Combine(bin, "gunicorn"), Array.Empty<string>())
            : (Path.Combine(bin, "python"), new[] { "-m", "gunicorn" });
        return new LaunchSpec
        {
            Kind = LaunchKind.Process,
            HostPort = hostPort,
            Program = program,
            Arguments = [.. prefix, $"{wsgiModule}:application", "--bind", $"127.0.0.1:{hostPort}"],
            WorkingDirectory = appDirectory,
            Environment = new Dictionary<string, string>
            {
                ["PATH"] = $"{bin}:/usr/local/bin:/usr/bin:/bin",
                ["PYTHONUNBUFFERED"] = "1",
                ["VIRTUAL_ENV"] = venv,
            },
            Description = $"process: gunicorn {wsgiModule}",
        };
    }

    public static LaunchSpec Static(string siteRoot, int hostPort) => new()
    {
        Kind = LaunchKind.Static,
        HostPort = hostPort,
        WorkingDirectory = siteRoot,
        Description = "process: static files (served by the panel)",
    };

    /// <summary>The deployment's variables with the addon's own on top (the virtual environment must win).</summary>
    public static Dictionary<string, string> Environment(LaunchSpec spec, IReadOnlyDictionary<string, string> deployment)
    {
        var merged = new Dictionary<string, string>(deployment, StringComparer.Ordinal);
        foreach (var (key, value) in spec.Environment)
        {
            merged[key] = value;
        }

        return merged;
    }
}

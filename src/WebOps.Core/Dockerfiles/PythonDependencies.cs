namespace WebOps.Core.Dockerfiles;

/// <summary>How a generated Django Dockerfile installs the project's Python dependencies.</summary>
internal enum PythonInstallKind
{
    /// <summary>No dependency file: install the latest Django and gunicorn.</summary>
    None,

    /// <summary>requirements*.txt: copied and installed before the code, in a layer of its own.</summary>
    Requirements,

    /// <summary>Pipfile: copied (with its lock) and installed through pipenv before the code.</summary>
    Pipfile,

    /// <summary>pyproject.toml or setup.py: pip builds the project itself, which needs the whole source.</summary>
    Project,
}

/// <summary>
/// The install plan for a Django project's dependency files (paths relative to the repository root, already
/// validated). Requirements files win over a Pipfile, which wins over pyproject.toml/setup.py, because only the
/// first two can be installed before the code is copied, which keeps code-only changes fast to build.
/// </summary>
internal sealed record PythonDependencies(PythonInstallKind Kind, IReadOnlyList<string> CopyFirst, string? Target)
{
    public static PythonDependencies Plan(IReadOnlyList<string> files, string appDir)
    {
        var requirements = files.Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).ToList();
        if (requirements.Count > 0)
        {
            // Every listed requirements file is copied, so "-r base.txt" includes still resolve in the image.
            return new(PythonInstallKind.Requirements, requirements, Preferred(requirements, appDir, "requirements.txt"));
        }

        var pipfiles = files.Where(f => FileName(f) is "Pipfile").ToList();
        if (pipfiles.Count > 0)
        {
            var pipfile = Preferred(pipfiles, appDir, "Pipfile");
            var copy = files.Where(f => f == pipfile || f == pipfile + ".lock").ToList();
            return new(PythonInstallKind.Pipfile, copy, pipfile);
        }

        var projects = files.Where(f => FileName(f) is "pyproject.toml" or "setup.py").ToList();
        if (projects.Count > 0)
        {
            return new(PythonInstallKind.Project, [], Folder(Preferred(projects, appDir, FileName(projects[0]))));
        }

        return new(PythonInstallKind.None, [], null);
    }

    /// <summary>True when the Pipfile plan found a Pipfile.lock to install exactly.</summary>
    public bool HasLock => Kind == PythonInstallKind.Pipfile && CopyFirst.Contains(Target + ".lock");

    /// <summary>The file named <paramref name="name"/> in the app folder, else at the root, else the first listed.</summary>
    private static string Preferred(List<string> candidates, string appDir, string name)
    {
        var inApp = appDir == "." ? name : $"{appDir}/{name}";
        return candidates.FirstOrDefault(f => f == inApp)
            ?? candidates.FirstOrDefault(f => f == name)
            ?? candidates[0];
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : path[..slash];
    }
}

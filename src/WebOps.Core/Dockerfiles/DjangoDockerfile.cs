using System.Globalization;
using System.Text;
using WebOps.Core.Detection;

namespace WebOps.Core.Dockerfiles;

/// <summary>
/// The Dockerfile for a Django project: dependencies in their own layer, the code after them, migrations and then
/// gunicorn as a non-root user. Every value that reaches the text has been through <see cref="DockerfileInputs"/>.
/// </summary>
internal static class DjangoDockerfile
{
    /// <summary>System packages that compile the usual database drivers (psycopg2 from source, mysqlclient).</summary>
    private const string BuildPackages = "build-essential libpq-dev default-libmysqlclient-dev pkg-config";

    /// <summary>A fixed UID outside the range of system and login users, so volumes can be prepared for it.</summary>
    private const string AppUser = "app";

    public static string Write(DetectionResult detection, DockerfileOptions options, string header)
    {
        var image = DockerfileInputs.Image(options.PythonBaseImage, nameof(DockerfileOptions.PythonBaseImage));
        var port = DockerfileInputs.Port(options.Port).ToString(CultureInfo.InvariantCulture);
        var appDir = DockerfileInputs.RelativePath(detection.AppDir, "app folder");
        var wsgi = DockerfileInputs.PythonModule(detection.WsgiModule);
        var files = detection.DependencyFiles
            .Select(f => DockerfileInputs.RelativePath(f, "dependency file"))
            .ToList();
        var deps = PythonDependencies.Plan(files, appDir);

        var text = new StringBuilder();
        Line(text, header);
        Line(text, $"FROM {image}");
        Line(text, $"ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT={port}");
        Line(text, "WORKDIR /app");
        if (detection.NeedsBuildPackages)
        {
            Line(text, $"RUN apt-get update && apt-get install -y --no-install-recommends {BuildPackages} && rm -rf /var/lib/apt/lists/*");
        }

        // Created before the dependency layer so it is built once; /app itself belongs to the app user so the
        // app can create files next to manage.py (SQLite databases, uploads).
        Line(text, $"RUN useradd --system --user-group --create-home --uid 10001 {AppUser} && chown {AppUser}:{AppUser} /app");
        WriteDependencies(text, deps);

        // Every step after the code's COPY runs again on each code change, and in the engine's builder even a
        // settings step costs a container created and committed: so settings come before the code. Steps that need
        // root after the code (installing the project, collectstatic) keep the switch to the app user after them.
        var rootAfterCode = deps.Kind == PythonInstallKind.Project || detection.CollectStatic;
        Line(text, "# Image settings come before the code, so a change to the code alone reuses them too.");
        Line(text, $"EXPOSE {port}");
        // sh -c so $PORT (overridable at run time) expands; exec so gunicorn is PID 1 and gets SIGTERM. Migrations run
        // as the container starts, not in the build: the database (a SQLite file in a volume, a server named by the
        // deployment's variables) is reachable only then. A failed migration stops the container before it serves.
        var migrate = options.RunMigrations && detection.HasDatabase ? "python manage.py migrate --noinput && " : "";
        Line(text, $"CMD [\"sh\", \"-c\", \"{migrate}exec gunicorn {wsgi}:application --bind 0.0.0.0:${{PORT}} --workers 2 --access-logfile -\"]");
        if (!rootAfterCode)
        {
            // COPY --chown gives the app folder to the app user even when WORKDIR created it first as root.
            WorkInAppDir(text, appDir);
            Line(text, $"USER {AppUser}");
        }

        Line(text, $"COPY --chown={AppUser}:{AppUser} . /app");
        if (!rootAfterCode)
        {
            return text.ToString();
        }

        if (deps.Kind == PythonInstallKind.Project)
        {
            var target = deps.Target == "." ? "." : $"./{deps.Target}";
            Line(text, $"RUN pip install --no-cache-dir {target} gunicorn");
        }

        WorkInAppDir(text, appDir);
        if (detection.CollectStatic)
        {
            // As root, so a STATIC_ROOT outside /app works too; the app only reads these files.
            Line(text, "RUN python manage.py collectstatic --noinput");
        }

        Line(text, $"USER {AppUser}");
        return text.ToString();
    }

    private static void WorkInAppDir(StringBuilder text, string appDir)
    {
        if (appDir != ".")
        {
            Line(text, $"WORKDIR /app/{appDir}");
        }
    }

    private static void WriteDependencies(StringBuilder text, PythonDependencies deps)
    {
        switch (deps.Kind)
        {
            case PythonInstallKind.Requirements:
                Line(text, "# Dependencies are installed before the code is copied, so a change to the code alone reuses this layer.");
                CopyEach(text, deps.CopyFirst);
                Line(text, "# gunicorn serves the app; when the requirements pin it, pip keeps that version.");
                Line(text, $"RUN pip install --no-cache-dir -r {deps.Target} gunicorn");
                break;
            case PythonInstallKind.Pipfile:
                Line(text, "# Dependencies are installed before the code is copied, so a change to the code alone reuses this layer.");
                CopyEach(text, deps.CopyFirst);
                // --deploy installs exactly the lock and fails when it is stale; without a lock pipenv resolves one.
                var deploy = deps.HasLock ? " --deploy" : "";
                Line(text, $"RUN pip install --no-cache-dir pipenv gunicorn && PIPENV_PIPFILE=/app/{deps.Target} pipenv install --system{deploy}");
                break;
            case PythonInstallKind.Project:
                Line(text, "# Installing the project itself needs its source, so dependencies are installed after the code is copied");
                Line(text, "# (no cached dependency layer). A requirements.txt would make code-only rebuilds faster.");
                break;
            default:
                Line(text, "# No requirements file was found, so the latest Django is installed. Add a requirements.txt to pin versions.");
                Line(text, "RUN pip install --no-cache-dir Django gunicorn");
                break;
        }
    }

    private static void CopyEach(StringBuilder text, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            Line(text, $"COPY {file} /app/{file}");
        }
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

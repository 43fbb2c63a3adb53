using WebOps.Core.Deployments;

namespace WebOps.Core.Detection;

/// <summary>Rule 2: a manage.py that really is Django's, with Django among the dependencies.</summary>
internal static class DjangoDetector
{
    // Packages that usually compile from source, so the image needs a compiler and headers.
    private static readonly string[] BuildFromSourcePackages = ["psycopg2", "mysqlclient", "python-ldap", "uwsgi"];

    /// <summary>Auto-detection: only a manage.py mentioning django, with Django in a dependency file.</summary>
    public static DetectionResult? Detect(CheckoutFiles files)
    {
        foreach (var managePy in ManagePyFinder.Find(files))
        {
            if (files.ReadText(managePy) is not { } text || !MentionsDjango(text))
            {
                continue;
            }

            var appDir = RelativePath.Parent(managePy);
            var deps = PythonDependencyFiles.Candidates(files, appDir).FirstOrDefault(d => d.Contains("django"));
            if (deps is not null)
            {
                var reason = $"manage.py at {managePy} {DjangoVerb(text)}; Django listed in {deps.FileNaming("django")}";
                return Build(files, appDir, text, deps, reason);
            }
        }

        return null;
    }

    /// <summary>project_type is django: the first manage.py mentioning django (else the first at all), and the
    /// dependency file that lists Django (else the nearest one). Null when there is no manage.py.</summary>
    public static DetectionResult? Fill(CheckoutFiles files)
    {
        var candidates = ManagePyFinder.Find(files)
            .Select(path => (Path: path, Text: files.ReadText(path)))
            .Where(c => c.Text is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (managePy, text) = candidates.FirstOrDefault(c => MentionsDjango(c.Text!), candidates[0]);
        var appDir = RelativePath.Parent(managePy);
        var all = PythonDependencyFiles.Candidates(files, appDir).ToList();
        var deps = all.FirstOrDefault(d => d.Contains("django")) ?? all.FirstOrDefault();
        var listed = deps?.FileNaming("django") is { } file ? $"Django listed in {file}"
            : deps is not null ? $"dependencies in {deps.Paths[0]}" : "no dependency file found";
        return Build(files, appDir, text!, deps, $"manage.py at {managePy}; {listed}");
    }

    private static DetectionResult Build(CheckoutFiles files, string appDir, string managePy, DependencySet? deps, string reason)
    {
        var settings = DjangoSettingsReader.Read(files, appDir, managePy);
        return new DetectionResult
        {
            Type = ProjectType.Django,
            AppDir = appDir,
            WsgiModule = settings.WsgiModule,
            Reason = reason,
            DependencyFiles = deps?.Paths ?? [],
            CollectStatic = settings.CollectStatic,
            HasDatabase = settings.HasDatabase,
            NeedsBuildPackages = deps?.ContainsAny(BuildFromSourcePackages) ?? false,
        };
    }

    private static bool MentionsDjango(string text) => text.Contains("django", StringComparison.OrdinalIgnoreCase);

    private static string DjangoVerb(string text) =>
        text.Contains("from django", StringComparison.Ordinal) || text.Contains("import django", StringComparison.Ordinal)
            ? "imports django"
            : "mentions django";
}

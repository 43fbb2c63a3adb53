using System.Text.RegularExpressions;

namespace WebOps.Core.Detection;

/// <summary>Reads the settings module named by manage.py (with the files it star-imports, e.g.
/// <c>from .base import *</c>) to find WSGI_APPLICATION, the static files setup and whether a database is set up.</summary>
internal static partial class DjangoSettingsReader
{
    // Settings split over a few files is common (base, production); deeper chains are not worth following.
    private const int MaxSettingsFiles = 8;

    public static DjangoSettings Read(CheckoutFiles files, string appDir, string managePy)
    {
        var module = SettingsModuleDefault().Match(managePy) is { Success: true } m
            ? m.Groups["module"].Value
            : GuessSettingsModule(files, appDir);
        if (module is null)
        {
            return new DjangoSettings(null, false, null, HasDatabase: true);
        }

        var texts = ReadSettingsFiles(files, appDir, module);
        var wsgi = texts.Select(t => WsgiApplication().Match(t))
            .Where(w => w.Success && w.Groups["app"].Value.Contains('.', StringComparison.Ordinal))
            .Select(w => WithoutLastPart(w.Groups["app"].Value))
            .FirstOrDefault() ?? FallbackWsgi(files, appDir, module);
        var collectStatic = texts.Any(t => t.Contains("django.contrib.staticfiles", StringComparison.Ordinal))
            && texts.Any(t => StaticRootSet().IsMatch(t));
        // Django's own default is no database at all (DATABASES = {}), where migrate fails; settings that could not be
        // read are taken to have one, as nearly every Django project does.
        var hasDatabase = texts.Count == 0 || texts.Any(t => DatabasesSet().IsMatch(t));
        return new DjangoSettings(wsgi, collectStatic, module, hasDatabase);
    }

    /// <summary>Without a DJANGO_SETTINGS_MODULE default, the one folder beside manage.py holding settings.</summary>
    private static string? GuessSettingsModule(CheckoutFiles files, string appDir)
    {
        var packages = files.ListDirectories(appDir)
            .Where(d => !SkippedDirectories.Contains(d) && ModuleFile(files, appDir, $"{d}.settings") is not null)
            .ToList();
        return packages.Count == 1 ? $"{packages[0]}.settings" : null;
    }

    /// <summary>The settings file's text first, then the files it star-imports (depth first, each once).</summary>
    private static List<string> ReadSettingsFiles(CheckoutFiles files, string appDir, string module)
    {
        var texts = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Visit(module);
        return texts;

        void Visit(string current)
        {
            if (texts.Count >= MaxSettingsFiles || !visited.Add(current)
                || ModuleFile(files, appDir, current) is not { } path || files.ReadText(path) is not { } text)
            {
                return;
            }

            texts.Add(text);
            var package = path.EndsWith("/__init__.py", StringComparison.Ordinal) ? current : WithoutLastPart(current);
            foreach (Match import in StarImport().Matches(text))
            {
                if (ResolveImport(import.Groups["module"].Value, package) is { } imported)
                {
                    Visit(imported);
                }
            }
        }
    }

    /// <summary>"mysite.settings" is mysite/settings.py or mysite/settings/__init__.py under the app folder.</summary>
    private static string? ModuleFile(CheckoutFiles files, string appDir, string module)
    {
        var basePath = RelativePath.Join(appDir, module.Replace('.', '/'));
        return new[] { $"{basePath}.py", $"{basePath}/__init__.py" }.FirstOrDefault(files.FileExists);
    }

    /// <summary>".base" in package "mysite.settings" is "mysite.settings.base"; each extra dot climbs one package.</summary>
    private static string? ResolveImport(string imported, string package)
    {
        var dots = imported.TakeWhile(c => c == '.').Count();
        if (dots == 0)
        {
            return imported;
        }

        List<string> parts = package.Length == 0 ? [] : package.Split('.').ToList();
        if (dots - 1 > parts.Count)
        {
            return null;
        }

        parts.RemoveRange(parts.Count - (dots - 1), dots - 1);
        var rest = imported[dots..];
        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts.Count == 0 ? null : string.Join('.', parts);
    }

    /// <summary>Without WSGI_APPLICATION: the nearest enclosing package of the settings that has a wsgi.py
    /// (mysite.settings.production finds mysite/wsgi.py), else the settings module minus its last part.</summary>
    private static string FallbackWsgi(CheckoutFiles files, string appDir, string module)
    {
        for (var package = WithoutLastPart(module); package.Length > 0; package = WithoutLastPart(package))
        {
            if (ModuleFile(files, appDir, $"{package}.wsgi") is not null)
            {
                return $"{package}.wsgi";
            }
        }

        var parent = WithoutLastPart(module);
        return parent.Length == 0 ? "wsgi" : $"{parent}.wsgi";
    }

    private static string WithoutLastPart(string dotted)
    {
        var dot = dotted.LastIndexOf('.');
        return dot < 0 ? string.Empty : dotted[..dot];
    }

    // os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings") or os.environ["DJANGO_SETTINGS_MODULE"] = "..."
    [GeneratedRegex(@"[""']DJANGO_SETTINGS_MODULE[""']\s*(?:,|\]\s*=)\s*[""'](?<module>[A-Za-z_][\w.]*)[""']")]
    private static partial Regex SettingsModuleDefault();

    [GeneratedRegex(@"^[ \t]*WSGI_APPLICATION[ \t]*=[ \t]*[""'](?<app>[A-Za-z_][\w.]*)[""']", RegexOptions.Multiline)]
    private static partial Regex WsgiApplication();

    [GeneratedRegex(@"^[ \t]*STATIC_ROOT[ \t]*=[ \t]*(?!None\b)\S", RegexOptions.Multiline)]
    private static partial Regex StaticRootSet();

    // DATABASES = {...}, DATABASES["default"] = ... or DATABASES.update(...), but not DATABASES = {}; or an import of it
    // (from .db import DATABASES).
    [GeneratedRegex(@"^[ \t]*(?:DATABASES[ \t]*(?:\[|\.update\b|=(?![ \t]*\{[ \t]*\}[ \t]*(?:#.*)?\r?$))|from[ \t]+\S+[ \t]+import[ \t].*\bDATABASES\b)", RegexOptions.Multiline)]
    private static partial Regex DatabasesSet();

    [GeneratedRegex(@"^[ \t]*from[ \t]+(?<module>\.*[A-Za-z_][\w.]*|\.+)[ \t]+import[ \t]+\*", RegexOptions.Multiline)]
    private static partial Regex StarImport();
}

namespace WebOps.Tests.Unit.Detection;

/// <summary>File contents shaped like the ones real projects carry.</summary>
public static class Fixtures
{
    public static string ManagePy(string settingsModule = "mysite.settings") => $$"""
        #!/usr/bin/env python
        import os
        import sys


        def main():
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "{{settingsModule}}")
            from django.core.management import execute_from_command_line
            execute_from_command_line(sys.argv)


        if __name__ == "__main__":
            main()
        """;

    public static string Settings(string wsgiApplication = "mysite.wsgi.application") => $"""
        INSTALLED_APPS = [
            "django.contrib.admin",
            "django.contrib.staticfiles",
        ]
        WSGI_APPLICATION = "{wsgiApplication}"
        STATIC_URL = "static/"
        STATIC_ROOT = BASE_DIR / "staticfiles"
        """;

    /// <summary>A root-level Django project: manage.py, mysite/settings.py, mysite/wsgi.py, requirements.txt.</summary>
    public static TempRepo DjangoRepo(string requirements = "Django>=3.2\ngunicorn\n") =>
        new TempRepo()
            .Write("manage.py", ManagePy())
            .Write("mysite/__init__.py")
            .Write("mysite/settings.py", Settings())
            .Write("mysite/wsgi.py", "application = None\n")
            .Write("requirements.txt", requirements);
}

using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Integration.Docker;

/// <summary>A minimal Django 3.2 project (the version the local Python image has) with one view.</summary>
internal static class DjangoProject
{
    public static DetectionResult Detection { get; } = new()
    {
        Type = ProjectType.Django,
        AppDir = ".",
        WsgiModule = "mysite.wsgi",
        DependencyFiles = ["requirements.txt"],
        Reason = "manage.py and mysite/wsgi.py (set by the test)",
    };

    /// <summary>The project at the repository's root, or in <paramref name="folder"/> ("web/") with requirements.txt at the root.</summary>
    public static void WriteTo(DockerTestKit kit, string greeting, string folder = "")
    {
        kit.WriteFile("requirements.txt", "Django>=3.2,<4\ngunicorn\n");
        kit.WriteFile(folder + "manage.py", """
            import os
            import sys

            if __name__ == "__main__":
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                from django.core.management import execute_from_command_line
                execute_from_command_line(sys.argv)
            """);
        kit.WriteFile(folder + "mysite/__init__.py", "");
        kit.WriteFile(folder + "mysite/settings.py", """
            SECRET_KEY = "test-only"
            DEBUG = False
            ALLOWED_HOSTS = ["*"]
            ROOT_URLCONF = "mysite.urls"
            INSTALLED_APPS = []
            MIDDLEWARE = []
            DATABASES = {}
            """);
        kit.WriteFile(folder + "mysite/wsgi.py", """
            import os
            from django.core.wsgi import get_wsgi_application

            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
            application = get_wsgi_application()
            """);
        WriteGreeting(kit, greeting, folder);
    }

    /// <summary>A code-only change: the view's text, nothing in the dependencies.</summary>
    public static void WriteGreeting(DockerTestKit kit, string greeting, string folder = "") =>
        kit.WriteFile(folder + "mysite/urls.py", $$"""
            from django.http import HttpResponse
            from django.urls import path

            urlpatterns = [path("", lambda request: HttpResponse("{{greeting}}"))]
            """);
}

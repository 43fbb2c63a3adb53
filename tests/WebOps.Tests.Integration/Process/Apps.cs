namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>Repositories the process tests deploy: a Django 3.2 project (Debian's Django) and a static site.</summary>
internal static class Apps
{
    public static (string File, string Content)[] Django(string greeting = "hello from django") =>
    [
        ("requirements.txt", "Django>=3.2,<4\ngunicorn\n"),
        ("manage.py", """
            #!/usr/bin/env python3
            import os
            import sys

            if __name__ == "__main__":
                os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
                from django.core.management import execute_from_command_line
                execute_from_command_line(sys.argv)
            """),
        ("mysite/__init__.py", ""),
        ("mysite/settings.py", """
            from pathlib import Path

            BASE_DIR = Path(__file__).resolve().parent.parent
            SECRET_KEY = "test-only-not-secret"
            DEBUG = False
            ALLOWED_HOSTS = ["*"]
            INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.staticfiles"]
            MIDDLEWARE = []
            ROOT_URLCONF = "mysite.urls"
            WSGI_APPLICATION = "mysite.wsgi.application"
            DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
            STATIC_URL = "/static/"
            STATIC_ROOT = BASE_DIR / "staticfiles"
            """),
        ("mysite/urls.py", $$"""
            import os

            from django.http import HttpResponse
            from django.urls import path


            def home(request):
                print("served home", flush=True)
                return HttpResponse("{{greeting}} " + os.environ.get("GREETING", "-"))


            urlpatterns = [path("", home)]
            """),
        ("mysite/wsgi.py", """
            import os

            from django.core.wsgi import get_wsgi_application

            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
            application = get_wsgi_application()
            """),
    ];

    public static (string File, string Content)[] Static() =>
    [
        ("index.html", "<!doctype html><h1>static without docker</h1>"),
        ("css/site.css", "h1 { color: teal; }"),
        (".env", "SECRET=do-not-serve"),
    ];
}

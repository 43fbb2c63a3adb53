using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class DjangoSettingsTests
{
    [Fact]
    public void Wsgi_application_setting_wins_over_the_settings_package()
    {
        using var repo = Fixtures.DjangoRepo()
            .Write("mysite/settings.py", Fixtures.Settings(wsgiApplication: "config.server.application"));

        Assert.Equal("config.server", ProjectDetector.Detect(repo.Path).WsgiModule);
    }

    [Fact]
    public void Without_wsgi_application_the_settings_package_wsgi_is_used()
    {
        using var repo = Fixtures.DjangoRepo()
            .Write("mysite/settings.py", "INSTALLED_APPS = []\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("mysite.wsgi", result.WsgiModule);
        Assert.False(result.CollectStatic);
    }

    [Fact]
    public void Missing_settings_file_falls_back_to_the_settings_module_minus_its_last_part()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("proj.settings"))
            .Write("requirements.txt", "Django\n");

        Assert.Equal("proj.wsgi", ProjectDetector.Detect(repo.Path).WsgiModule);
    }

    [Fact]
    public void Settings_package_init_is_read()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("mysite.settings"))
            .Write("mysite/settings/__init__.py", Fixtures.Settings("mysite.asgi_wsgi.application"))
            .Write("requirements.txt", "Django\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("mysite.asgi_wsgi", result.WsgiModule);
        Assert.True(result.CollectStatic);
    }

    [Fact]
    public void Settings_module_in_a_package_follows_its_star_import()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("mysite.settings.production"))
            .Write("mysite/settings/__init__.py")
            .Write("mysite/settings/production.py", "from .base import *  # noqa\nDEBUG = False\n")
            .Write("mysite/settings/base.py", Fixtures.Settings("mysite.wsgi.application"))
            .Write("requirements.txt", "Django\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("mysite.wsgi", result.WsgiModule);
        Assert.True(result.CollectStatic);
    }

    [Fact]
    public void Settings_package_without_wsgi_application_finds_the_enclosing_wsgi_py()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("mysite.settings.production"))
            .Write("mysite/settings/production.py", "DEBUG = False\n")
            .Write("mysite/wsgi.py", "application = None\n")
            .Write("requirements.txt", "Django\n");

        Assert.Equal("mysite.wsgi", ProjectDetector.Detect(repo.Path).WsgiModule);
    }

    [Fact]
    public void Settings_are_resolved_relative_to_the_app_dir()
    {
        using var repo = new TempRepo()
            .Write("src/manage.py", Fixtures.ManagePy("core.settings"))
            .Write("src/core/settings.py", Fixtures.Settings("core.wsgi.application"))
            .Write("core/settings.py", Fixtures.Settings("wrong.wsgi.application"))
            .Write("requirements.txt", "Django\n");

        Assert.Equal("core.wsgi", ProjectDetector.Detect(repo.Path).WsgiModule);
    }

    [Theory]
    [InlineData("INSTALLED_APPS = ['django.contrib.staticfiles']\n", false)]
    [InlineData("STATIC_ROOT = '/srv/static'\n", false)]
    [InlineData("INSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_ROOT = None\n", false)]
    [InlineData("INSTALLED_APPS = ['django.contrib.staticfiles']\nSTATIC_ROOT = '/srv/static'\n", true)]
    public void Collectstatic_needs_staticfiles_and_a_static_root(string settings, bool expected)
    {
        using var repo = Fixtures.DjangoRepo().Write("mysite/settings.py", settings);

        Assert.Equal(expected, ProjectDetector.Detect(repo.Path).CollectStatic);
    }

    [Fact]
    public void Manage_py_without_a_settings_default_uses_the_one_settings_package_beside_it()
    {
        using var repo = new TempRepo()
            .Write("manage.py", "from django.core.management import execute_from_command_line\n")
            .Write("blog/settings.py", Fixtures.Settings("blog.wsgi.application"))
            .Write("requirements.txt", "Django\n");

        Assert.Equal("blog.wsgi", ProjectDetector.Detect(repo.Path).WsgiModule);
    }

    [Theory]
    [InlineData("DATABASES = {\n    \"default\": {\"ENGINE\": \"django.db.backends.sqlite3\", \"NAME\": BASE_DIR / \"db.sqlite3\"}\n}\n", true)]
    [InlineData("import dj_database_url\nDATABASES = {\"default\": dj_database_url.config()}\n", true)]
    [InlineData("DATABASES = {}\nDATABASES[\"default\"] = env.db()\n", true)]
    [InlineData("DATABASES.update(local_databases)\n", true)]
    [InlineData("from .database import CACHES, DATABASES  # noqa\n", true)]
    [InlineData("from .database import CACHES\n", false)]
    [InlineData("DATABASES = {}  # no database\n", false)]
    [InlineData("DATABASES = {}\r\nDEBUG = False\r\n", false)]
    [InlineData("INSTALLED_APPS = []\n# DATABASES = {\"default\": ...}\n", false)]
    [InlineData("INSTALLED_APPS = []\nTEST_DATABASES = {\"default\": {}}\n", false)]
    public void A_database_is_set_up_by_any_databases_setting_but_an_empty_one(string settings, bool expected)
    {
        using var repo = Fixtures.DjangoRepo().Write("mysite/settings.py", settings);

        Assert.Equal(expected, ProjectDetector.Detect(repo.Path).HasDatabase);
    }

    [Fact]
    public void A_database_set_up_in_a_star_imported_base_counts()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("mysite.settings.production"))
            .Write("mysite/settings/__init__.py")
            .Write("mysite/settings/production.py", "from .base import *  # noqa\nDEBUG = False\n")
            .Write("mysite/settings/base.py", "DATABASES = {\"default\": {\"ENGINE\": \"django.db.backends.postgresql\"}}\n")
            .Write("requirements.txt", "Django\n");

        Assert.True(ProjectDetector.Detect(repo.Path).HasDatabase);
    }

    [Fact]
    public void Settings_that_cannot_be_read_are_taken_to_set_up_a_database()
    {
        using var repo = new TempRepo()
            .Write("manage.py", Fixtures.ManagePy("proj.settings"))
            .Write("requirements.txt", "Django\n");

        Assert.True(ProjectDetector.Detect(repo.Path).HasDatabase);
    }
}

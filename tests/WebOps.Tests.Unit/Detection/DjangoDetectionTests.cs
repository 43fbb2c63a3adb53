using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class DjangoDetectionTests
{
    [Fact]
    public void Root_django_project_is_detected_with_every_detail()
    {
        using var repo = Fixtures.DjangoRepo();

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal(".", result.AppDir);
        Assert.Equal("mysite.wsgi", result.WsgiModule);
        Assert.Null(result.DockerfilePath);
        Assert.False(result.HasDockerfile);
        Assert.Equal(["requirements.txt"], result.DependencyFiles);
        Assert.True(result.CollectStatic);
        Assert.False(result.NeedsBuildPackages);
        Assert.Equal("manage.py at manage.py imports django; Django listed in requirements.txt", result.Reason);
    }

    [Fact]
    public void Django_in_a_subfolder_uses_requirements_above_manage_py()
    {
        using var repo = new TempRepo()
            .Write("src/manage.py", Fixtures.ManagePy())
            .Write("src/mysite/settings.py", Fixtures.Settings())
            .Write("requirements/base.txt", "Django==4.2.*\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal("src", result.AppDir);
        Assert.Equal("mysite.wsgi", result.WsgiModule);
        Assert.Equal(["requirements/base.txt"], result.DependencyFiles);
        Assert.Equal("manage.py at src/manage.py imports django; Django listed in requirements/base.txt", result.Reason);
    }

    [Fact]
    public void Manage_py_three_levels_down_is_found_with_forward_slashes()
    {
        using var repo = new TempRepo()
            .Write("a/b/c/manage.py", Fixtures.ManagePy())
            .Write("a/b/c/requirements.txt", "django\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("a/b/c", result.AppDir);
        Assert.Equal(["a/b/c/requirements.txt"], result.DependencyFiles);
    }

    [Fact]
    public void Manage_py_four_levels_down_is_not_found()
    {
        using var repo = new TempRepo()
            .Write("a/b/c/d/manage.py", Fixtures.ManagePy())
            .Write("requirements.txt", "django\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Theory]
    [InlineData("node_modules")]
    [InlineData(".venv")]
    [InlineData("venv")]
    [InlineData(".devcontainer")]
    public void Manage_py_inside_tooling_folders_is_ignored(string folder)
    {
        using var repo = new TempRepo()
            .Write($"{folder}/manage.py", Fixtures.ManagePy())
            .Write("requirements.txt", "django\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Manage_py_that_never_mentions_django_is_not_django()
    {
        using var repo = new TempRepo()
            .Write("manage.py", "from flask_script import Manager\nmanager = Manager(app)\n")
            .Write("requirements.txt", "Django\nflask\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Manage_py_mentioning_only_the_settings_variable_counts_as_django()
    {
        using var repo = new TempRepo()
            .Write("manage.py", "import os\nos.environ['DJANGO_SETTINGS_MODULE'] = 'mysite.settings'\n")
            .Write("requirements.txt", "Django\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal("manage.py at manage.py mentions django; Django listed in requirements.txt", result.Reason);
    }

    [Fact]
    public void Django_dependency_without_manage_py_is_not_django()
    {
        using var repo = new TempRepo().Write("requirements.txt", "Django\n").Write("app.py", "import django\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void A_non_django_manage_py_is_skipped_for_a_deeper_django_one()
    {
        using var repo = new TempRepo()
            .Write("manage.py", "print('tasks')\n")
            .Write("web/manage.py", Fixtures.ManagePy())
            .Write("web/requirements.txt", "Django\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("web", result.AppDir);
    }

    [Theory]
    [InlineData("psycopg2==2.9.9\n", true)]
    [InlineData("psycopg2-binary==2.9.9\n", false)]
    [InlineData("mysqlclient\n", true)]
    [InlineData("python-ldap\n", true)]
    [InlineData("uWSGI>=2.0\n", true)]
    [InlineData("lxml\n", false)]
    public void Build_packages_are_needed_only_for_source_built_dependencies(string extra, bool expected)
    {
        using var repo = Fixtures.DjangoRepo("Django\n" + extra);

        Assert.Equal(expected, ProjectDetector.Detect(repo.Path).NeedsBuildPackages);
    }

    [Fact]
    public void Build_packages_are_seen_in_included_requirements()
    {
        using var repo = Fixtures.DjangoRepo("-r base.txt\n").Write("base.txt", "Django\npsycopg2\n");

        Assert.True(ProjectDetector.Detect(repo.Path).NeedsBuildPackages);
    }
}

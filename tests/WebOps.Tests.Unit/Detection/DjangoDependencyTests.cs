using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class DjangoDependencyTests
{
    private static TempRepo RepoWithout(string dependencyFile, string content) =>
        new TempRepo()
            .Write("manage.py", Fixtures.ManagePy())
            .Write("mysite/settings.py", Fixtures.Settings())
            .Write(dependencyFile, content);

    [Theory]
    [InlineData("Django>=3.2")]
    [InlineData("django[argon2]")]
    [InlineData("Django==3.2.*")]
    [InlineData("DJANGO ~= 4.2 ; python_version >= '3.8'")]
    [InlineData("django @ https://example.com/django-4.2.tar.gz")]
    [InlineData("Django>=3.2 \\\n    --hash=sha256:abc")]
    public void Django_requirement_spellings_all_count(string line)
    {
        using var repo = RepoWithout("requirements.txt", $"# web\n{line}\n");

        Assert.Equal(ProjectType.Django, ProjectDetector.Detect(repo.Path).Type);
    }

    [Theory]
    [InlineData("django-environ==0.11\n")]
    [InlineData("# Django\ndjango_environ\n")]
    [InlineData("git+https://example.com/django.git\n")]
    [InlineData("-e ./vendor/django\n")]
    public void Requirements_without_django_itself_do_not_count(string requirements)
    {
        using var repo = RepoWithout("requirements.txt", requirements);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Include_chains_are_followed_relative_to_the_including_file()
    {
        using var repo = RepoWithout("requirements.txt", "-r requirements/prod.txt\ngunicorn\n")
            .Write("requirements/prod.txt", "--requirement base.txt\npsycopg2-binary\n")
            .Write("requirements/base.txt", "--requirement=../constraints/pins.txt\n")
            .Write("constraints/pins.txt", "Django==4.2\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal(
            ["requirements.txt", "requirements/prod.txt", "requirements/base.txt", "constraints/pins.txt"],
            result.DependencyFiles);
        Assert.EndsWith("Django listed in constraints/pins.txt", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_loops_end_and_each_file_is_listed_once()
    {
        using var repo = RepoWithout("requirements.txt", "-r a.txt\n")
            .Write("a.txt", "-r b.txt\n")
            .Write("b.txt", "-r a.txt\n-r requirements.txt\nDjango\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(["requirements.txt", "a.txt", "b.txt"], result.DependencyFiles);
    }

    [Fact]
    public void Missing_include_is_skipped()
    {
        using var repo = RepoWithout("requirements.txt", "-r missing.txt\nDjango\n");

        Assert.Equal(["requirements.txt"], ProjectDetector.Detect(repo.Path).DependencyFiles);
    }

    [Fact]
    public void Production_requirements_are_preferred_over_local_ones()
    {
        using var repo = RepoWithout("requirements/local.txt", "-r base.txt\ndjango-debug-toolbar\n")
            .Write("requirements/base.txt", "Django\n")
            .Write("requirements/production.txt", "-r base.txt\ngunicorn\n");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(["requirements/production.txt", "requirements/base.txt"], result.DependencyFiles);
    }

    [Fact]
    public void Pyproject_pep621_dependencies_count()
    {
        using var repo = RepoWithout("pyproject.toml", """
            [project]
            name = "mysite"
            dependencies = [
                "django[argon2]>=4.2",  # web framework
                "gunicorn",
            ]

            [project.optional-dependencies]
            dev = ["pytest"]
            """);

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal(["pyproject.toml"], result.DependencyFiles);
    }

    [Fact]
    public void Pyproject_with_django_only_in_optional_dependencies_does_not_count()
    {
        using var repo = RepoWithout("pyproject.toml", """
            [project]
            name = "tool"
            dependencies = ["requests"]

            [project.optional-dependencies]
            web = ["Django"]
            """);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Pyproject_dependency_groups_and_uv_dev_dependencies_do_not_count()
    {
        using var repo = RepoWithout("pyproject.toml", """
            [project]
            name = "tool"

            [[tool.uv.index]]
            url = "https://example.com/simple"
            dev-dependencies = ["django"]

            [dependency-groups]
            dev = ["Django"]
            """);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Poetry_dependencies_count()
    {
        using var repo = RepoWithout("pyproject.toml", """
            [tool.poetry]
            name = "mysite"

            [tool.poetry.dependencies]
            python = "^3.11"
            Django = { version = "^4.2", extras = ["argon2"] }

            [tool.poetry.group.dev.dependencies]
            pytest = "*"
            """);

        Assert.Equal(ProjectType.Django, ProjectDetector.Detect(repo.Path).Type);
    }

    [Fact]
    public void Pipfile_packages_count_but_dev_packages_do_not()
    {
        using var counted = RepoWithout("Pipfile", "[packages]\ndjango = \"*\"\n\n[dev-packages]\npytest = \"*\"\n");
        using var devOnly = RepoWithout("Pipfile", "[packages]\nrequests = \"*\"\n\n[dev-packages]\ndjango = \"*\"\n");

        Assert.Equal(["Pipfile"], ProjectDetector.Detect(counted.Path).DependencyFiles);
        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(devOnly.Path));
    }

    [Fact]
    public void Setup_py_and_setup_cfg_install_requires_count()
    {
        using var setupPy = RepoWithout("setup.py", "setup(name='mysite', install_requires=['Django>=4', 'gunicorn'])\n");
        using var setupCfg = RepoWithout("setup.cfg", """
            [metadata]
            name = mysite

            [options]
            install_requires =
                gunicorn
                Django>=4
            python_requires = >=3.10
            """);

        Assert.Equal(["setup.py"], ProjectDetector.Detect(setupPy.Path).DependencyFiles);
        Assert.Equal(["setup.cfg"], ProjectDetector.Detect(setupCfg.Path).DependencyFiles);
    }

    [Fact]
    public void Nearest_folder_wins_over_the_root()
    {
        using var repo = new TempRepo()
            .Write("backend/manage.py", Fixtures.ManagePy())
            .Write("backend/requirements.txt", "Django\n")
            .Write("requirements.txt", "Django\nextra\n");

        Assert.Equal(["backend/requirements.txt"], ProjectDetector.Detect(repo.Path).DependencyFiles);
    }
}

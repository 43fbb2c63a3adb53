using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class ExplicitProjectTypeTests
{
    [Fact]
    public void Requested_django_fills_details_without_django_in_the_dependencies()
    {
        using var repo = new TempRepo()
            .Write("app/manage.py", Fixtures.ManagePy("proj.settings"))
            .Write("app/proj/settings.py", Fixtures.Settings("proj.wsgi.application"))
            .Write("app/requirements.txt", "gunicorn\n");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Django);

        Assert.Equal(ProjectType.Django, result.Type);
        Assert.Equal("app", result.AppDir);
        Assert.Equal("proj.wsgi", result.WsgiModule);
        Assert.Equal(["app/requirements.txt"], result.DependencyFiles);
        Assert.Equal("project_type is django; manage.py at app/manage.py; dependencies in app/requirements.txt", result.Reason);
    }

    [Fact]
    public void Requested_django_takes_a_manage_py_that_does_not_mention_django()
    {
        using var repo = new TempRepo().Write("manage.py", "print('custom launcher')\n");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Django);

        Assert.Equal(".", result.AppDir);
        Assert.Equal("project_type is django; manage.py at manage.py; no dependency file found", result.Reason);
    }

    [Fact]
    public void Requested_django_without_manage_py_fails_naming_where_it_searched()
    {
        using var repo = new TempRepo().Write("requirements.txt", "Django\n");

        var ex = Assert.Throws<ProjectDetectionException>(
            () => ProjectDetector.Detect(repo.Path, ProjectType.Django, label: "https://x/repo.git@main"));

        Assert.Equal(
            "project_type is django but no manage.py was found in https://x/repo.git@main (searched the root and three levels down).",
            ex.Message);
    }

    [Fact]
    public void Requested_static_ignores_a_package_json_build_script()
    {
        using var repo = new TempRepo()
            .Write("package.json", """{"scripts": {"build": "make"}}""")
            .Write("dist/index.html");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Static);

        Assert.Equal(ProjectType.Static, result.Type);
        Assert.Equal("dist", result.AppDir);
        Assert.Equal("project_type is static; index.html found in dist/", result.Reason);
    }

    [Fact]
    public void Requested_static_wins_over_a_django_project()
    {
        using var repo = Fixtures.DjangoRepo().Write("docs/index.html");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Static);

        Assert.Equal(ProjectType.Static, result.Type);
        Assert.Equal("docs", result.AppDir);
    }

    [Fact]
    public void Requested_static_without_index_html_fails_naming_where_it_looked()
    {
        using var repo = new TempRepo().Write("site/index.html");

        var ex = Assert.Throws<ProjectDetectionException>(
            () => ProjectDetector.Detect(repo.Path, ProjectType.Static, label: "site@main"));

        Assert.Equal(
            "project_type is static but no index.html was found in site@main "
            + "(looked in Staticfile root, public/, dist/, docs/ and the root).",
            ex.Message);
    }

    [Fact]
    public void Requested_llm_is_llm_even_in_an_empty_repo()
    {
        using var repo = new TempRepo().Write("README.md");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Llm);

        Assert.Equal(ProjectType.Llm, result.Type);
        Assert.Equal("project_type is llm", result.Reason);
    }

    [Fact]
    public void Requested_llm_reports_what_it_found()
    {
        using var repo = new TempRepo().Write("vllm.yaml");

        var result = ProjectDetector.Detect(repo.Path, ProjectType.Llm);

        Assert.Equal("project_type is llm; vllm.yaml found at the root", result.Reason);
    }
}

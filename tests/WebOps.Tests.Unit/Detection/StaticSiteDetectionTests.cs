using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class StaticSiteDetectionTests
{
    [Theory]
    [InlineData("public", "public", "index.html found in public/")]
    [InlineData("dist", "dist", "index.html found in dist/")]
    [InlineData("docs", "docs", "index.html found in docs/")]
    [InlineData(".", ".", "index.html found at the root")]
    public void Index_html_in_a_known_folder_is_a_static_site(string folder, string appDir, string reason)
    {
        using var repo = new TempRepo().Write(Path.Combine(folder, "index.html"), "<h1>hi</h1>");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal(ProjectType.Static, result.Type);
        Assert.Equal(appDir, result.AppDir);
        Assert.Equal(reason, result.Reason);
        Assert.Null(result.WsgiModule);
    }

    [Fact]
    public void Public_is_preferred_over_the_root()
    {
        using var repo = new TempRepo().Write("index.html").Write("public/index.html");

        Assert.Equal("public", ProjectDetector.Detect(repo.Path).AppDir);
    }

    [Fact]
    public void Staticfile_root_names_the_site_folder()
    {
        using var repo = new TempRepo()
            .Write("Staticfile", "root: site/out  # built by hand\n")
            .Write("site/out/about.html")
            .Write("index.html");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("site/out", result.AppDir);
        Assert.Equal("Staticfile sets root: site/out", result.Reason);
    }

    [Fact]
    public void Staticfile_without_root_serves_the_repo_root()
    {
        using var repo = new TempRepo().Write("Staticfile", "gzip: on\n").Write("public/index.html");

        Assert.Equal(".", ProjectDetector.Detect(repo.Path).AppDir);
    }

    [Fact]
    public void Staticfile_with_a_missing_root_is_ignored()
    {
        using var repo = new TempRepo().Write("Staticfile", "root: build\n").Write("docs/index.html");

        var result = ProjectDetector.Detect(repo.Path);

        Assert.Equal("docs", result.AppDir);
        Assert.Equal("index.html found in docs/", result.Reason);
    }

    [Fact]
    public void Package_json_with_a_build_script_is_not_static()
    {
        using var repo = new TempRepo()
            .Write("package.json", """{"name": "site", "scripts": {"build": "vite build"}}""")
            .Write("index.html")
            .Write("dist/index.html");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Package_json_without_a_build_script_stays_static()
    {
        using var repo = new TempRepo()
            .Write("package.json", """{"name": "site", "scripts": {"lint": "eslint ."}}""")
            .Write("public/index.html");

        Assert.Equal("public", ProjectDetector.Detect(repo.Path).AppDir);
    }

    [Fact]
    public void Django_wins_over_an_index_html()
    {
        using var repo = Fixtures.DjangoRepo().Write("index.html");

        Assert.Equal(ProjectType.Django, ProjectDetector.Detect(repo.Path).Type);
    }

    [Fact]
    public void Index_html_in_another_folder_is_not_guessed()
    {
        using var repo = new TempRepo().Write("site/index.html");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }
}

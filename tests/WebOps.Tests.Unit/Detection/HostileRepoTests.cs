using WebOps.Core.Deployments;
using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class HostileRepoTests
{
    [Fact]
    public void Symlinked_requirements_pointing_outside_the_checkout_are_not_read()
    {
        using var repo = new TempRepo().Write("manage.py", Fixtures.ManagePy());
        var outside = Path.Combine(repo.Root, "outside-requirements.txt");
        File.WriteAllText(outside, "Django\n");
        repo.Symlink("requirements.txt", outside);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Symlinked_folder_pointing_outside_is_not_followed()
    {
        using var repo = new TempRepo();
        var outside = Directory.CreateDirectory(Path.Combine(repo.Root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(outside, "index.html"), "<h1>host file</h1>");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "public"), outside);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Relative_symlink_climbing_out_is_not_followed()
    {
        using var repo = new TempRepo();
        File.WriteAllText(Path.Combine(repo.Root, "Dockerfile"), "FROM evil\n");
        repo.Symlink("Dockerfile", "../Dockerfile");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Symlink_that_stays_inside_the_checkout_is_followed()
    {
        using var repo = Fixtures.DjangoRepo().Write("deps/base.txt", "Django\n");
        File.Delete(Path.Combine(repo.Path, "requirements.txt"));
        repo.Symlink("requirements.txt", "deps/base.txt");

        Assert.Equal(ProjectType.Django, ProjectDetector.Detect(repo.Path).Type);
    }

    [Fact]
    public void Symlink_loop_does_not_hang_or_crash()
    {
        using var repo = new TempRepo().Write("public/index.html");
        repo.Symlink("Dockerfile", "Dockerfile.loop").Symlink("Dockerfile.loop", "Dockerfile");
        repo.Symlink("Staticfile", "Staticfile");
        Directory.CreateSymbolicLink(Path.Combine(repo.Path, "public", "self"), "..");

        Assert.Equal("public", ProjectDetector.Detect(repo.Path).AppDir);
    }

    [Fact]
    public void Oversized_files_are_skipped()
    {
        var huge = "Django\n" + new string('#', 300 * 1024) + "\n";
        using var repo = new TempRepo().Write("manage.py", Fixtures.ManagePy()).Write("requirements.txt", huge);

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }

    [Fact]
    public void Very_wide_repos_stop_the_walk_instead_of_reading_everything()
    {
        using var repo = new TempRepo();
        for (var i = 0; i < 5_100; i++)
        {
            repo.Dir($"d{i:D5}");
        }

        // zz/ sorts after the 5,000 folders the walk may visit, so the cap keeps its manage.py unseen.
        repo.Write("zz/manage.py", Fixtures.ManagePy()).Write("requirements.txt", "Django\n");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));
    }
}

using WebOps.Core.Detection;

namespace WebOps.Tests.Unit.Detection;

public class DetectionFailureTests
{
    [Fact]
    public void Nothing_detected_fails_with_the_label()
    {
        using var repo = new TempRepo().Write("README.md", "# notes\n");

        var ex = Assert.Throws<ProjectDetectionException>(
            () => ProjectDetector.Detect(repo.Path, label: "https://x/repo.git@main"));

        Assert.Equal(
            "Could not detect a Django project or a static site in https://x/repo.git@main. Add a Dockerfile, or set project_type.",
            ex.Message);
    }

    [Fact]
    public void Nothing_detected_names_the_checkout_path_by_default()
    {
        using var repo = new TempRepo();

        var ex = Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(repo.Path));

        Assert.Equal(
            $"Could not detect a Django project or a static site in {repo.Path}. Add a Dockerfile, or set project_type.",
            ex.Message);
    }

    [Fact]
    public void Missing_checkout_fails_like_an_empty_one()
    {
        using var repo = new TempRepo();
        var missing = Path.Combine(repo.Root, "not-cloned");

        Assert.Throws<ProjectDetectionException>(() => ProjectDetector.Detect(missing));
    }
}

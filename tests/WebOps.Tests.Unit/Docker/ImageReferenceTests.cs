using WebOps.Addons.Docker.Engine;

namespace WebOps.Tests.Unit.Docker;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("webops/blog:latest", 12, "webops/blog:deploy-12")]
    [InlineData("webops/blog", 3, "webops/blog:deploy-3")]
    [InlineData("localhost:5000/team/blog:v2", 7, "localhost:5000/team/blog:deploy-7")]
    [InlineData("localhost:5000/blog", 1, "localhost:5000/blog:deploy-1")]
    public void Deploy_tag_keeps_the_repository_and_replaces_the_tag(string imageName, int run, string expected) =>
        Assert.Equal(expected, ImageReference.DeployTag(imageName, run));

    [Theory]
    [InlineData("webops/blog:deploy-12", "webops/blog", 12)]
    [InlineData("webops/blog:latest", "webops/blog", null)]
    [InlineData("webops/other:deploy-3", "webops/blog", null)]
    [InlineData("webops/blog:deploy-x", "webops/blog", null)]
    public void Deploy_run_is_read_back_only_from_this_repositorys_deploy_tags(string reference, string repository, int? expected) =>
        Assert.Equal(expected, ImageReference.DeployRunOf(reference, repository));
}

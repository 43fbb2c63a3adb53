using WebOps.Addons.Docker.Build;

namespace WebOps.Tests.Unit.Docker;

public sealed class IgnoreRulesTests
{
    [Theory]
    [InlineData(".git", ".git", true)]
    [InlineData(".git", ".git/HEAD", true)]
    [InlineData(".git", "sub/.git", false)]
    [InlineData("/.git/", ".git/objects/ab", true)]
    [InlineData("*.pyc", "a.pyc", true)]
    [InlineData("*.pyc", "pkg/a.pyc", false)]
    [InlineData("**/*.pyc", "pkg/deep/a.pyc", true)]
    [InlineData("**/__pycache__", "__pycache__/m.pyc", true)]
    [InlineData("**/__pycache__", "app/__pycache__/m.pyc", true)]
    [InlineData("node_modules", "node_modules/left-pad/index.js", true)]
    [InlineData("node_modules", "web/node_modules/x.js", false)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[^ab].txt", "b.txt", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("build**", "build/out/x", true)]
    public void Patterns_follow_dockers_rules(string pattern, string path, bool ignored) =>
        Assert.Equal(ignored, IgnoreRules.Parse(pattern).IsIgnored(path));

    [Fact]
    public void An_exception_re_includes_and_the_last_matching_line_wins()
    {
        var ignore = IgnoreRules.Parse("# comment\n\n*.md\n!README.md\nREADME*.md\n!README.keep.md\n");

        Assert.True(ignore.IsIgnored("NOTES.md"));
        Assert.True(ignore.IsIgnored("README.md"));
        Assert.False(ignore.IsIgnored("README.keep.md"));
        Assert.False(ignore.IsIgnored("# comment"));
        Assert.True(ignore.HasExclusions);
    }
}

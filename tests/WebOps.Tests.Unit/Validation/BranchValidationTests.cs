namespace WebOps.Tests.Unit.Validation;

public class BranchValidationTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("-main", "must not start with '-'")]
    [InlineData("a..b", "contains '..'")]
    [InlineData("feature x", "contains a space")]
    [InlineData("main\u007f", "contains control character U+007F")]
    [InlineData("a~1", "contains '~'")]
    [InlineData("a^b", "contains '^'")]
    [InlineData("a:b", "contains ':'")]
    [InlineData("a?b", "contains '?'")]
    [InlineData("a*b", "contains '*'")]
    [InlineData("a[b", "contains '['")]
    [InlineData("a\\b", "contains '\\'")]
    [InlineData("main/", "must not start or end with '/'")]
    [InlineData("/main", "must not start or end with '/'")]
    [InlineData("main.lock", "ending with '.lock'")]
    [InlineData("a/b.lock/c", "part 'b.lock' ending with '.lock'")]
    [InlineData("main.", "must not end with '.'")]
    [InlineData("a//b", "contains '//'")]
    [InlineData("a@{1}", "contains '@{'")]
    [InlineData("@", "is '@'")]
    [InlineData(".hidden", "part '.hidden' starting with '.'")]
    [InlineData("a/.b", "part '.b' starting with '.'")]
    public void Branch_breaking_git_ref_rules_is_rejected(string branch, string fragment)
    {
        var errors = Inputs.Create(i => i.Branch = branch);

        Inputs.AssertOnly(errors, "branch", fragment);
    }

    [Fact]
    public void Branch_over_the_limit_states_the_limit()
    {
        var errors = Inputs.Create(i => i.Branch = new string('b', 256));

        Inputs.AssertOnly(errors, "branch", "is 256 characters long; the limit is 255");
    }

    [Theory]
    [InlineData("main")]
    [InlineData("release/1.2")]
    [InlineData("feature/foo-bar_baz")]
    [InlineData("v1.0.0")]
    [InlineData("a@b")]
    public void Ordinary_branch_names_pass(string branch)
    {
        Assert.Empty(Inputs.Create(i => i.Branch = branch));
    }
}

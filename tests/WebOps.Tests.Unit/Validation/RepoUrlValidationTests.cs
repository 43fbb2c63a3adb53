using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

public class RepoUrlValidationTests
{
    private static readonly ValidationOptions LocalAllowed = new() { AllowLocalRepos = true };

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("ext::sh%20-c%20touch%20/tmp/pwned", "'ext::' transport form")]
    [InlineData("fd::17", "'fd::' transport form")]
    [InlineData("--upload-pack=touch", "must not start with '-'")]
    [InlineData("-uhttps://github.com/a/b", "must not start with '-'")]
    [InlineData("ssh://-oProxyCommand=touch/repo", "starting with '-'")]
    [InlineData("ssh://-oProxyCommand=x@host/repo", "starting with '-'")]
    [InlineData("https://-evil.example/repo.git", "starting with '-'")]
    [InlineData("ftp://host/repo.git", "scheme 'ftp', which is not supported")]
    [InlineData("javascript://alert/x", "scheme 'javascript', which is not supported")]
    [InlineData("file:///srv/repos/app.git", "Deployments:AllowLocalRepos")]
    [InlineData("/srv/repos/app.git", "Deployments:AllowLocalRepos")]
    [InlineData("https://github.com/a b", "contains a space")]
    [InlineData("https://github.com/a\nb", "contains control character U+000A")]
    [InlineData("https://github.com", "names no repository path")]
    [InlineData("http://host:99999/x.git", "is not a valid URL")]
    [InlineData("github.com/owner/app", "is not a repository URL git can clone")]
    [InlineData("git@-oProxyCommand=x:repo", "host '-oProxyCommand=x'")]
    [InlineData("a;b@host:repo", "user 'a;b'")]
    [InlineData("git@github.com:-upload", "path starting with '-'")]
    [InlineData("github.com:owner/app.git", "has no user before the host")]
    [InlineData("git@github.com:", "has no repository path after ':'")]
    public void Dangerous_or_malformed_repo_url_is_rejected(string url, string fragment)
    {
        var errors = Inputs.Create(i => i.RepoUrl = url);

        Inputs.AssertOnly(errors, "repo_url", fragment);
    }

    [Fact]
    public void Repo_url_over_the_limit_states_the_limit()
    {
        var url = "https://github.com/" + new string('a', 2048);

        var errors = Inputs.Create(i => i.RepoUrl = url);

        Inputs.AssertOnly(errors, "repo_url", "is 2,067 characters long; the limit is 2,048");
    }

    [Theory]
    [InlineData("https://github.com/owner/app.git")]
    [InlineData("http://gitea.local/owner/app.git")]
    [InlineData("https://token:x-oauth@github.com/owner/app.git")]
    [InlineData("ssh://git@github.com/owner/app.git")]
    [InlineData("ssh://git@host:2222/owner/app.git")]
    [InlineData("git://host/app.git")]
    [InlineData("git@github.com:owner/app.git")]
    [InlineData("deploy@10.0.0.5:/srv/git/app.git")]
    public void Remote_urls_pass(string url)
    {
        Assert.Empty(Inputs.Create(i => i.RepoUrl = url));
    }

    [Theory]
    [InlineData("file:///srv/repos/app.git")]
    [InlineData("/srv/repos/app.git")]
    public void Local_repos_pass_when_the_setting_allows_them(string url)
    {
        Assert.Empty(Inputs.Create(i => i.RepoUrl = url, LocalAllowed));
    }

    [Fact]
    public void Transport_form_stays_rejected_when_local_repos_are_allowed()
    {
        var errors = Inputs.Create(i => i.RepoUrl = "ext::sh", LocalAllowed);

        Inputs.AssertOnly(errors, "repo_url", "'ext::' transport form");
    }

    [Fact]
    public void File_url_with_a_host_is_rejected()
    {
        var errors = Inputs.Create(i => i.RepoUrl = "file://server/srv/app.git", LocalAllowed);

        Inputs.AssertOnly(errors, "repo_url", "file:// URL with a host");
    }
}

using Microsoft.AspNetCore.Http;
using WebOps.Webhooks;

namespace WebOps.Tests.Unit.Webhooks;

public sealed class HookHeadersTests
{
    [Theory]
    [InlineData("X-GitHub-Event=push|X-Hub-Signature-256=sha256=ab", HookProvider.GitHub)]
    [InlineData("X-Hub-Signature-256=sha256=ab", HookProvider.GitHub)]
    [InlineData("X-Gitlab-Event=Push Hook|X-Gitlab-Token=s", HookProvider.GitLab)]
    [InlineData("X-Gitlab-Token=s", HookProvider.GitLab)]
    // Gitea and Forgejo send GitHub's headers too; their own decide.
    [InlineData("X-Gitea-Event=push|X-Gitea-Signature=ab|X-GitHub-Event=push|X-Hub-Signature-256=sha256=ab", HookProvider.Gitea)]
    [InlineData("Authorization=Bearer s3cret", HookProvider.Generic)]
    public void Provider_is_told_by_its_headers(string headers, HookProvider expected)
    {
        Assert.Equal(expected, Parse(headers).Provider);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Authorization=Basic czNjcmV0")]
    [InlineData("Authorization=Bearer ")]
    public void No_known_header_means_no_provider(string headers)
    {
        Assert.Null(Parse(headers).Provider);
    }

    [Fact]
    public void Event_comes_from_the_providers_own_header()
    {
        var h = Parse("X-Gitea-Event=push|X-GitHub-Event=ping|X-Gitlab-Event=Push Hook");

        Assert.Equal(("ping", "Push Hook", "push", (string?)null),
            (h.EventFor(HookProvider.GitHub), h.EventFor(HookProvider.GitLab), h.EventFor(HookProvider.Gitea), h.EventFor(HookProvider.Generic)));
    }

    [Theory]
    [InlineData(HookProvider.GitHub, "X-GitHub-Event=push", false)]
    [InlineData(HookProvider.GitHub, "X-Hub-Signature-256=sha256=ab", true)]
    [InlineData(HookProvider.GitLab, "X-Gitlab-Event=Push Hook", false)]
    [InlineData(HookProvider.Gitea, "X-Gitea-Event=push|X-Hub-Signature-256=sha256=ab", false)]
    [InlineData(HookProvider.Generic, "Authorization=Bearer x", true)]
    public void Signature_header_is_looked_for_where_the_provider_puts_it(HookProvider provider, string headers, bool present)
    {
        Assert.Equal(present, Parse(headers).HasSignature(provider));
    }

    private static HookHeaders Parse(string text)
    {
        var headers = new HeaderDictionary();
        foreach (var pair in text.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            headers[pair[..eq]] = pair[(eq + 1)..];
        }

        return HookHeaders.From(headers);
    }
}

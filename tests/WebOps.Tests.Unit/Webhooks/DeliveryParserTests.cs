using System.Text;
using WebOps.Webhooks;

namespace WebOps.Tests.Unit.Webhooks;

/// <summary>The branch (or tag, or ping) each provider's payload is about; bodies trimmed from real deliveries.</summary>
public sealed class DeliveryParserTests
{
    private const string After = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d";

    [Theory]
    [InlineData(HookProvider.GitHub, "push")]
    [InlineData(HookProvider.Gitea, "push")]
    [InlineData(HookProvider.GitLab, "Push Hook")]
    public void Push_to_a_branch_names_the_branch_and_commit(HookProvider provider, string eventName)
    {
        var e = Parse(provider, eventName, $$"""{"repository":{"name":"app"},"ref":"refs/heads/feature/login","before":"0a","after":"{{After}}"}""");

        Assert.Equal(new DeliveryEvent(DeliveryKind.Push, eventName, "feature/login", After), e);
    }

    [Theory]
    [InlineData(HookProvider.GitHub, "push")]
    [InlineData(HookProvider.Gitea, "push")]
    [InlineData(HookProvider.GitLab, "Tag Push Hook")]
    public void Push_of_a_tag_is_a_tag(HookProvider provider, string eventName)
    {
        var e = Parse(provider, eventName, $$"""{"ref":"refs/tags/v1.2.0","after":"{{After}}"}""");

        Assert.Equal((DeliveryKind.Tag, "v1.2.0"), (e.Kind, e.Ref));
    }

    [Theory]
    [InlineData(HookProvider.GitHub, "ping")]
    [InlineData(HookProvider.Gitea, "ping")]
    public void Ping_is_a_ping(HookProvider provider, string eventName)
    {
        Assert.Equal(new DeliveryEvent(DeliveryKind.Ping, eventName), Parse(provider, eventName, """{"zen":"Keep it logically awesome.","hook_id":1}"""));
    }

    [Theory]
    [InlineData(HookProvider.GitHub, "pull_request")]
    [InlineData(HookProvider.GitLab, "Merge Request Hook")]
    [InlineData(HookProvider.Gitea, "create")]
    public void Other_events_are_other(HookProvider provider, string eventName)
    {
        Assert.Equal(new DeliveryEvent(DeliveryKind.Other, eventName), Parse(provider, eventName, """{"ref":"refs/heads/main"}"""));
    }

    [Fact]
    public void GitHub_deleted_branch_is_marked_deleted()
    {
        var e = Parse(HookProvider.GitHub, "push", """{"ref":"refs/heads/main","deleted":true,"after":"0000000000000000000000000000000000000000"}""");

        Assert.True(e.Deleted);
    }

    [Fact]
    public void GitLab_all_zero_after_is_a_deleted_branch()
    {
        Assert.True(Parse(HookProvider.GitLab, "Push Hook", """{"ref":"refs/heads/main","after":"0000000000000000000000000000000000000000"}""").Deleted);
        Assert.False(Parse(HookProvider.GitLab, "Push Hook", $$"""{"ref":"refs/heads/main","after":"{{After}}"}""").Deleted);
    }

    [Fact]
    public void GitHub_form_encoded_payload_is_read()
    {
        var body = "payload=" + Uri.EscapeDataString("""{"ref":"refs/heads/main"}""");
        var headers = new HookHeaders { GitHubEvent = "push", ContentType = "application/x-www-form-urlencoded" };

        Assert.Equal("main", DeliveryParser.Parse(HookProvider.GitHub, headers, Encoding.UTF8.GetBytes(body)).Ref);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("  \n", null)]
    [InlineData("{}", null)]
    [InlineData("""{"branch":"dev"}""", "dev")]
    [InlineData("""{"ref":"dev"}""", "dev")]
    [InlineData("""{"ref":"refs/heads/dev"}""", "dev")]
    [InlineData("""{"branch":"dev","ref":"refs/heads/other"}""", "dev")]
    [InlineData("""{"commit":"abc","note":"from CI"}""", null)]
    public void Generic_body_names_the_branch_or_leaves_it_to_the_deployment(string body, string? branch)
    {
        Assert.Equal(new DeliveryEvent(DeliveryKind.Push, "push", branch), Parse(HookProvider.Generic, null, body));
    }

    [Fact]
    public void Generic_tag_ref_is_a_tag()
    {
        Assert.Equal(new DeliveryEvent(DeliveryKind.Tag, "push", "v2"), Parse(HookProvider.Generic, null, """{"ref":"refs/tags/v2"}"""));
    }

    [Theory]
    [InlineData(HookProvider.Generic, null, "not json", "The body is not valid JSON")]
    [InlineData(HookProvider.Generic, null, "[1,2]", "The body is JSON array, not an object")]
    [InlineData(HookProvider.GitHub, "push", "{", "The body is not valid JSON")]
    [InlineData(HookProvider.GitHub, "push", """{"after":"abc"}""", "The push payload has no 'ref'")]
    public void Unreadable_body_says_what_is_wrong(HookProvider provider, string? eventName, string body, string start)
    {
        var e = Assert.Throws<HookPayloadException>(() => Parse(provider, eventName, body));

        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
    }

    private static DeliveryEvent Parse(HookProvider provider, string? eventName, string body)
    {
        var headers = provider switch
        {
            HookProvider.GitHub => new HookHeaders { GitHubEvent = eventName },
            HookProvider.GitLab => new HookHeaders { GitLabEvent = eventName },
            HookProvider.Gitea => new HookHeaders { GiteaEvent = eventName },
            _ => new HookHeaders(),
        };
        return DeliveryParser.Parse(provider, headers, Encoding.UTF8.GetBytes(body));
    }
}

using Docker.DotNet.Models;
using WebOps.Addons.Docker.Spec;

namespace WebOps.Tests.Unit.Docker;

public sealed class RestartPolicyTextTests
{
    [Theory]
    [InlineData("no", RestartPolicyKind.No, 0)]
    [InlineData("always", RestartPolicyKind.Always, 0)]
    [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped, 0)]
    [InlineData("on-failure", RestartPolicyKind.OnFailure, 0)]
    [InlineData("on-failure:5", RestartPolicyKind.OnFailure, 5)]
    public void Docker_run_policies_become_the_engines_form(string text, RestartPolicyKind kind, int retries)
    {
        var policy = RestartPolicyText.ToEngine(text);

        Assert.Equal((kind, (long)retries), (policy.Name, (long)policy.MaximumRetryCount));
    }

    [Theory]
    [InlineData("sometimes")]
    [InlineData("")]
    [InlineData("always:3")]
    [InlineData("Always")]
    public void Unknown_policies_are_refused_with_the_ones_docker_knows(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => RestartPolicyText.ToEngine(text));

        Assert.Equal(
            $"Restart policy '{text}' is not one Docker knows; use no, always, unless-stopped, on-failure or on-failure:N. (Parameter 'text')",
            error.Message);
    }

    [Theory]
    [InlineData("on-failure:0")]
    [InlineData("on-failure:")]
    [InlineData("on-failure:-1")]
    [InlineData("on-failure:x")]
    public void A_retry_count_must_be_positive(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => RestartPolicyText.ToEngine(text));

        Assert.Equal(
            $"Restart policy '{text}': the retry count after 'on-failure:' must be a whole number of 1 or more. (Parameter 'text')",
            error.Message);
    }
}

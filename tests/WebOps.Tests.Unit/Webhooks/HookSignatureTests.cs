using System.Security.Cryptography;
using System.Text;
using WebOps.Webhooks;

namespace WebOps.Tests.Unit.Webhooks;

/// <summary>Each provider's way of signing, against HMACs computed here independently of the code under test.</summary>
public sealed class HookSignatureTests
{
    private const string Secret = "5f1c0a-hook-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","after":"0123456789abcdef0123456789abcdef01234567"}""");

    [Fact]
    public void GitHub_documented_vector_is_accepted()
    {
        // The example from GitHub's "Validating webhook deliveries".
        var headers = new HookHeaders { GitHubSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" };

        Assert.True(HookSignature.Verify(HookProvider.GitHub, "It's a Secret to Everybody", headers, "Hello, World!"u8));
    }

    [Fact]
    public void GitHub_signature_of_the_raw_body_is_accepted_in_either_hex_case()
    {
        Assert.True(HookSignature.Verify(HookProvider.GitHub, Secret, new HookHeaders { GitHubSignature = "sha256=" + Hmac(Secret, Body) }, Body));
        Assert.True(HookSignature.Verify(HookProvider.GitHub, Secret, new HookHeaders { GitHubSignature = "sha256=" + Hmac(Secret, Body).ToUpperInvariant() }, Body));
    }

    [Theory]
    [InlineData("wrong-secret", false, "sha256=")]
    [InlineData(Secret, true, "sha256=")] // signed, then the body changed by one byte
    [InlineData(Secret, false, "sha1=")] // the old SHA-1 header format
    [InlineData(Secret, false, "")] // no prefix
    public void GitHub_signature_that_does_not_match_is_refused(string signingSecret, bool tamper, string prefix)
    {
        var body = (byte[])Body.Clone();
        var signature = prefix + Hmac(signingSecret, body);
        if (tamper)
        {
            body[^2] ^= 1;
        }

        Assert.False(HookSignature.Verify(HookProvider.GitHub, Secret, new HookHeaders { GitHubSignature = signature }, body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void GitHub_missing_or_malformed_signature_is_refused(string? signature)
    {
        Assert.False(HookSignature.Verify(HookProvider.GitHub, Secret, new HookHeaders { GitHubSignature = signature }, Body));
    }

    [Fact]
    public void Gitea_signature_is_the_bare_hex_hmac_of_the_raw_body()
    {
        Assert.True(HookSignature.Verify(HookProvider.Gitea, Secret, new HookHeaders { GiteaSignature = Hmac(Secret, Body) }, Body));
        Assert.False(HookSignature.Verify(HookProvider.Gitea, Secret, new HookHeaders { GiteaSignature = "sha256=" + Hmac(Secret, Body) }, Body));
        Assert.False(HookSignature.Verify(HookProvider.Gitea, Secret, new HookHeaders { GiteaSignature = Hmac("other", Body) }, Body));
        Assert.False(HookSignature.Verify(HookProvider.Gitea, Secret, new HookHeaders(), Body));
    }

    [Fact]
    public void GitLab_token_must_equal_the_secret()
    {
        Assert.True(HookSignature.Verify(HookProvider.GitLab, Secret, new HookHeaders { GitLabToken = Secret }, Body));
        Assert.False(HookSignature.Verify(HookProvider.GitLab, Secret, new HookHeaders { GitLabToken = Secret + "x" }, Body));
        Assert.False(HookSignature.Verify(HookProvider.GitLab, Secret, new HookHeaders { GitLabToken = Secret[..^1] }, Body));
        Assert.False(HookSignature.Verify(HookProvider.GitLab, Secret, new HookHeaders(), Body));
    }

    [Fact]
    public void Generic_bearer_token_must_equal_the_secret()
    {
        Assert.True(HookSignature.Verify(HookProvider.Generic, Secret, new HookHeaders { Authorization = "Bearer " + Secret }, Body));
        Assert.True(HookSignature.Verify(HookProvider.Generic, Secret, new HookHeaders { Authorization = "bearer " + Secret }, []));
        Assert.False(HookSignature.Verify(HookProvider.Generic, Secret, new HookHeaders { Authorization = "Bearer nope" }, Body));
        Assert.False(HookSignature.Verify(HookProvider.Generic, Secret, new HookHeaders { Authorization = "Basic " + Secret }, Body));
    }

    [Fact]
    public void An_empty_secret_never_matches_an_absent_token()
    {
        Assert.False(HookSignature.Verify(HookProvider.GitLab, "", new HookHeaders(), Body));
        Assert.False(HookSignature.Verify(HookProvider.Generic, "", new HookHeaders(), Body));
    }

    [Fact]
    public void Hmac_helper_agrees_with_an_independent_computation()
    {
        Assert.Equal(Hmac(Secret, Body), HookSignature.Hmac(Secret, Body));
    }

    /// <summary>Computed here with the class API rather than the code's one-shot call, as a provider would.</summary>
    private static string Hmac(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return string.Concat(hmac.ComputeHash(body).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}

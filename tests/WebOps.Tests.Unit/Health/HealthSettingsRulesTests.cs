using WebOps.Core.Health;

namespace WebOps.Tests.Unit.Health;

public class HealthSettingsRulesTests
{
    [Fact]
    public void Defaults_and_sensible_values_pass()
    {
        Assert.Empty(HealthSettingsRules.Validate(null, null, null));
        Assert.Empty(HealthSettingsRules.Validate("/health?full=1", 204, "blog.example.com"));
        Assert.Empty(HealthSettingsRules.Validate("/", 100, "127.0.0.1"));
    }

    [Theory]
    [InlineData("health", "path: must start with '/', e.g. /health (got 'health')")]
    [InlineData("/a b", "path: contains a space or a control character; percent-encode it (%20)")]
    [InlineData("/a\nHost: evil", "path: contains a space or a control character; percent-encode it (%20)")]
    public void Bad_paths_are_refused_with_the_field_named(string path, string expected)
    {
        Assert.Equal(expected, Assert.Single(HealthSettingsRules.Validate(path, null, null)).ToString());
    }

    [Fact]
    public void Overlong_path_is_refused_with_its_length()
    {
        var error = Assert.Single(HealthSettingsRules.Validate("/" + new string('a', 2000), null, null));
        Assert.Equal("path: is 2001 characters long; the limit is 2000", error.ToString());
    }

    [Theory]
    [InlineData(99)]
    [InlineData(600)]
    public void Status_outside_100_to_599_is_refused(int status)
    {
        Assert.Equal(
            $"expected_status: must be an HTTP status between 100 and 599 (got {status})",
            Assert.Single(HealthSettingsRules.Validate(null, status, null)).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad host")]
    [InlineData("evil.com\r\nX-Injected: 1")]
    [InlineData("under_score")]
    public void Invalid_host_names_are_refused(string host)
    {
        Assert.Equal("host", Assert.Single(HealthSettingsRules.Validate(null, null, host)).Field);
    }
}

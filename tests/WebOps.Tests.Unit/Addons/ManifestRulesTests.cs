using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

public class ManifestRulesTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("45", 45_000)]
    public void Durations_parse_in_the_manifest_units(string text, long milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ManifestRules.ParseDuration(text));

    [Theory]
    [InlineData("1.5s")]
    [InlineData("-3s")]
    [InlineData("10 min")]
    [InlineData("")]
    public void Other_duration_texts_are_refused(string text) => Assert.Null(ManifestRules.ParseDuration(text));

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(30_000, "30s")]
    [InlineData(120_000, "2m")]
    [InlineData(90_000, "90s")]
    [InlineData(3_600_000, "1h")]
    public void Durations_print_the_way_manifests_write_them(long milliseconds, string text) =>
        Assert.Equal(text, ManifestRules.FormatDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("0.0.1-alpha.1+build.5", true)]
    [InlineData("10.20.30-rc.1", true)]
    [InlineData("1.0", false)]
    [InlineData("v1.0.0", false)]
    [InlineData("1.0.0-", false)]
    [InlineData("1.0.0-01", false)]
    [InlineData("1.0.0+", false)]
    public void Versions_follow_semver_2(string version, bool valid) => Assert.Equal(valid, ManifestRules.IsSemVer(version));

    [Theory]
    [InlineData("docker", true)]
    [InlineData("a", true)]
    [InlineData("slack-notify2", true)]
    [InlineData("Slack", false)]
    [InlineData("-slack", false)]
    [InlineData("slack-", false)]
    [InlineData("slack_notify", false)]
    [InlineData("", false)]
    public void Names_are_lowercase_dns_labels(string name, bool valid) => Assert.Equal(valid, ManifestRules.IsValidName(name));

    [Fact]
    public void Names_are_at_most_63_characters()
    {
        Assert.True(ManifestRules.IsValidName(new string('a', 63)));
        Assert.False(ManifestRules.IsValidName(new string('a', 64)));
    }
}

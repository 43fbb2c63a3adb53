using WebOps.Core.Addons;

namespace WebOps.Tests.Unit.Addons;

public sealed class ManifestValueTests
{
    [Theory]
    [InlineData("hooks/go.sh", "'hooks/go.sh'")]
    [InlineData("", "''")]
    [InlineData(null, "''")]
    [InlineData("evil\u202e.sh", "'evil\\u202e.sh'")]
    [InlineData("a\u0000b\nc", "'a\\u0000b\\u000ac'")]
    [InlineData("caf\u00e9", "'caf\u00e9'")]
    public void Values_are_quoted_with_invisible_characters_shown(string? value, string expected) =>
        Assert.Equal(expected, ManifestValue.Quote(value));

    [Fact]
    public void Long_values_are_cut_at_60_characters_and_their_length_said()
    {
        Assert.Equal($"'{new string('x', 60)}…' (5000 characters)", ManifestValue.Quote(new string('x', 5000)));
        Assert.Equal($"'{new string('x', 60)}'", ManifestValue.Quote(new string('x', 60)));
    }
}

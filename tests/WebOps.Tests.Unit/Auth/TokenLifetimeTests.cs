using WebOps.Core.Accounts;

namespace WebOps.Tests.Unit.Auth;

public sealed class TokenLifetimeTests
{
    [Theory]
    [InlineData("30d", 30 * 24)]
    [InlineData("12h", 12)]
    [InlineData("1h", 1)]
    [InlineData("3650d", 3650 * 24)]
    public void Days_and_hours_become_the_lifetime(string text, int hours)
    {
        Assert.Equal((TimeSpan.FromHours(hours), (string?)null), TokenLifetime.Parse(text));
    }

    [Fact]
    public void Never_is_no_lifetime_and_no_error()
    {
        Assert.Equal(((TimeSpan?)null, (string?)null), TokenLifetime.Parse("never"));
    }

    [Theory]
    [InlineData("30", "'30' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("0h", "'0h' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("-1d", "'-1d' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("1.5d", "'1.5d' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("30D", "'30D' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("1w", "'1w' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("", "'' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData(null, "'' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("99999999999d", "'99999999999d' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("3651d", "'3651d' is longer than 3650d; use never for a token that does not expire.")]
    [InlineData("87601h", "'87601h' is longer than 3650d; use never for a token that does not expire.")]
    public void Anything_else_is_refused_saying_what_to_type(string? text, string error)
    {
        Assert.Equal(((TimeSpan?)null, error), TokenLifetime.Parse(text));
    }
}

using WebOps.Auth;

namespace WebOps.Tests.Unit.Auth;

public sealed class LoginThrottleTextTests
{
    [Fact]
    public void The_message_names_both_possible_causes_and_the_wait_in_minutes_rounded_up()
    {
        Assert.Equal(
            "Too many failed logins for this account or address; try again in 15 minutes.",
            LoginThrottleText.Message(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(0.2, "1 second")]
    [InlineData(2, "2 seconds")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(61, "2 minutes")]
    [InlineData(900, "15 minutes")]
    public void The_wait_reads_in_seconds_under_a_minute_and_in_whole_minutes_above(double seconds, string text)
    {
        Assert.Equal(text, LoginThrottleText.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(1.5, 2)]
    [InlineData(900, 900)]
    public void Retry_after_is_whole_seconds_rounded_up_and_never_zero(double seconds, int header)
    {
        Assert.Equal(header, LoginThrottleText.RetryAfterSeconds(TimeSpan.FromSeconds(seconds)));
    }
}

using WebOps.Core.Accounts;

namespace WebOps.Tests.Unit.Auth;

/// <summary>A token's last use is kept to the minute, so a burst of calls writes it once.</summary>
public sealed class TokenLastUsedTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static ApiToken Token(DateTimeOffset? lastUsed) =>
        new() { Name = "ci", TokenHash = new string('a', 64), Prefix = "wo_aaaa", LastUsedAt = lastUsed };

    [Fact]
    public void The_first_use_is_recorded()
    {
        var token = Token(null);
        Assert.True(token.RecordUse(Start));
        Assert.Equal(Start, token.LastUsedAt);
    }

    [Fact]
    public void Uses_within_the_minute_leave_the_time_alone_and_ask_for_no_save()
    {
        var token = Token(Start);
        Assert.False(token.RecordUse(Start.AddSeconds(1)));
        Assert.False(token.RecordUse(Start.AddSeconds(59.9)));
        Assert.Equal(Start, token.LastUsedAt);
    }

    [Fact]
    public void A_use_a_minute_later_is_recorded()
    {
        var token = Token(Start);
        Assert.True(token.RecordUse(Start.AddMinutes(1)));
        Assert.Equal(Start.AddMinutes(1), token.LastUsedAt);
    }

    [Fact]
    public void A_last_use_in_the_future_after_the_clock_was_set_back_is_replaced()
    {
        var token = Token(Start.AddHours(1));
        Assert.True(token.RecordUse(Start));
        Assert.Equal(Start, token.LastUsedAt);
    }
}

using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebOps.Auth;

namespace WebOps.Tests.Unit.Auth.TwoFactor;

/// <summary>
/// A right password whose login waits for a code: that try costs nothing, and forgives nothing, so wrong codes add up
/// in the same count as wrong passwords however often the password is typed again.
/// </summary>
public sealed class LoginThrottleTakeBackTests
{
    private static readonly IPAddress Home = IPAddress.Parse("203.0.113.7");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle throttle;

    public LoginThrottleTakeBackTests() =>
        throttle = new LoginThrottle(clock, Options.Create(new LoginSettings()));

    [Fact]
    public void A_right_password_before_the_code_step_costs_no_try()
    {
        for (var i = 0; i < 10; i++)
        {
            throttle.TakeBack(throttle.Begin("admin", Home));
        }

        Assert.Equal(0, throttle.TrackedKeys);
    }

    [Fact]
    public void Typing_the_password_again_does_not_clear_the_wrong_codes_even_from_a_new_address_each_time()
    {
        for (var round = 1; round <= 5; round++)
        {
            var address = IPAddress.Parse($"192.0.2.{round}");
            throttle.TakeBack(throttle.Begin("admin", address));
            Assert.True(throttle.Begin("admin", address).Allowed, $"wrong code {round} should be checked");
        }

        var sixth = IPAddress.Parse("192.0.2.6");
        Assert.False(throttle.Begin("admin", sixth).Allowed);
    }

    [Fact]
    public void A_refused_try_has_nothing_to_take_back()
    {
        for (var i = 0; i < 5; i++)
        {
            throttle.Begin("admin", Home);
        }

        throttle.TakeBack(throttle.Begin("admin", Home));

        Assert.False(throttle.Begin("admin", Home).Allowed);
    }
}

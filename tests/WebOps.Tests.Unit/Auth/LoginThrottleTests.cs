using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebOps.Auth;

namespace WebOps.Tests.Unit.Auth;

/// <summary>The failed-login rules, on a clock the tests move: 5 failures within 15 minutes per username or address.</summary>
public sealed class LoginThrottleTests
{
    private static readonly IPAddress Home = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("198.51.100.20");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle throttle;

    public LoginThrottleTests() => throttle = New(maxTrackedKeys: 10_000);

    [Fact]
    public void Five_failures_are_each_checked_and_the_sixth_try_is_refused_until_the_window_from_the_first_ends()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True(throttle.Begin("admin", Home).Allowed, $"try {i + 1} should be checked");
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var sixth = throttle.Begin("admin", Home);

        Assert.False(sixth.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(10), sixth.RetryAfter);
    }

    [Fact]
    public void Tries_while_refused_do_not_push_the_end_of_the_window_out()
    {
        FailTimes("admin", Home, 5);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(throttle.Begin("admin", Home).Allowed);
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(5), throttle.Begin("admin", Home).RetryAfter);
    }

    [Fact]
    public void When_the_window_has_passed_a_try_is_let_through_again_and_counting_starts_afresh()
    {
        FailTimes("admin", Home, 5);
        clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.False(throttle.Begin("admin", Home).Allowed);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(throttle.Begin("admin", Home).Allowed);
        FailTimes("admin", Home, 3);
        Assert.True(throttle.Begin("admin", Home).Allowed);
        Assert.False(throttle.Begin("admin", Home).Allowed);
    }

    [Fact]
    public void A_success_clears_the_username_count()
    {
        FailTimes("admin", Home, 4);
        throttle.Succeeded(throttle.Begin("admin", Elsewhere));

        // Five more failures for the username, from an address with none, before it is refused.
        var fresh = IPAddress.Parse("192.0.2.44");
        FailTimes("admin", fresh, 4);
        Assert.True(throttle.Begin("admin", fresh).Allowed);
        Assert.False(throttle.Begin("admin", fresh).Allowed);
    }

    [Fact]
    public void A_success_does_not_clear_what_the_address_failed_before()
    {
        FailTimes("admin", Home, 4);
        throttle.Succeeded(throttle.Begin("tester", Home));

        Assert.True(throttle.Begin("someone", Home).Allowed);
        Assert.False(throttle.Begin("another", Home).Allowed);
    }

    [Fact]
    public void A_throttled_username_is_refused_from_another_address_too()
    {
        FailTimes("admin", Home, 5);

        var fromElsewhere = throttle.Begin("admin", Elsewhere);

        Assert.False(fromElsewhere.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(15), fromElsewhere.RetryAfter);
    }

    [Fact]
    public void The_username_is_counted_whatever_its_case_and_surrounding_spaces()
    {
        string[] typings = ["admin", "Admin", "ADMIN ", " aDmin", "admin"];
        for (var i = 0; i < typings.Length; i++)
        {
            Assert.True(throttle.Begin(typings[i], IPAddress.Parse($"192.0.2.{i + 1}")).Allowed);
        }

        Assert.False(throttle.Begin("AdMiN", Elsewhere).Allowed);
    }

    [Fact]
    public void A_throttled_address_is_refused_for_every_username()
    {
        string[] names = ["admin", "root", "tester", "deploy", "ops"];
        foreach (var name in names)
        {
            Assert.True(throttle.Begin(name, Home).Allowed);
        }

        Assert.False(throttle.Begin("someone-new", Home).Allowed);
        Assert.True(throttle.Begin("someone-new", Elsewhere).Allowed);
    }

    [Fact]
    public void Without_an_address_only_the_username_counts()
    {
        FailTimes("admin", null, 5);

        Assert.False(throttle.Begin("admin", null).Allowed);
        Assert.True(throttle.Begin("tester", null).Allowed);
    }

    [Fact]
    public void Expired_entries_are_dropped_and_the_oldest_go_beyond_the_cap()
    {
        var small = New(maxTrackedKeys: 4);
        small.Begin("first", Home);
        clock.Advance(TimeSpan.FromSeconds(1));
        small.Begin("second", Elsewhere);
        Assert.Equal(4, small.TrackedKeys);

        // The oldest key (the username 'first') leaves to make room.
        small.Begin("third", Elsewhere);
        Assert.Equal(4, small.TrackedKeys);

        clock.Advance(TimeSpan.FromMinutes(15));
        small.Begin("fourth", null);
        Assert.Equal(1, small.TrackedKeys);
    }

    private LoginThrottle New(int maxTrackedKeys) =>
        new(clock, Options.Create(new LoginSettings { MaxFailures = 5, Window = TimeSpan.FromMinutes(15), MaxTrackedKeys = maxTrackedKeys }));

    private void FailTimes(string username, IPAddress? address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.True(throttle.Begin(username, address).Allowed, $"failure {i + 1} of {times} for '{username}' should be checked");
        }
    }
}

using WebOps.Addons.Process.Supervision;

namespace WebOps.Tests.Unit.ProcessAddon;

public class BackoffTests
{
    [Fact]
    public void Restart_waits_double_from_one_second_up_to_sixty()
    {
        var seconds = Enumerable.Range(1, 10).Select(a => Backoff.Delay(a).TotalSeconds).ToArray();

        Assert.Equal(new double[] { 1, 2, 4, 8, 16, 32, 60, 60, 60, 60 }, seconds);
    }

    [Fact]
    public void A_crash_after_a_minute_up_starts_the_waits_over()
    {
        Assert.Equal(1, Backoff.NextAttempt(6, TimeSpan.FromSeconds(60)));
        Assert.Equal(7, Backoff.NextAttempt(6, TimeSpan.FromSeconds(59)));
        Assert.Equal(1, Backoff.NextAttempt(0, TimeSpan.Zero));
    }
}

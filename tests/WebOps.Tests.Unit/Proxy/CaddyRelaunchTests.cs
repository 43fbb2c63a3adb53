using WebOps.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyRelaunchTests
{
    private const string Admin = "127.0.0.1:2019";

    [Fact]
    public void The_panels_own_caddy_that_is_gone_is_started_again_at_once()
    {
        Assert.Equal("the Caddy the panel started (pid 4242) is gone",
            CaddyRelaunch.Reason(Admin, ownPid: 4242, ownRunning: false, silentFor: TimeSpan.Zero, sinceLastLaunch: null));
    }

    [Fact]
    public void The_panels_own_caddy_that_runs_but_does_not_answer_yet_is_left_alone()
    {
        Assert.Null(CaddyRelaunch.Reason(Admin, ownPid: 4242, ownRunning: true, silentFor: TimeSpan.FromMinutes(5), sinceLastLaunch: null));
    }

    [Fact]
    public void Another_caddy_gets_ten_seconds_to_come_back_before_the_panel_starts_its_own()
    {
        Assert.Null(CaddyRelaunch.Reason(Admin, ownPid: null, ownRunning: false, silentFor: TimeSpan.FromSeconds(9.9), sinceLastLaunch: null));
        Assert.Equal("nothing has answered at 127.0.0.1:2019 for 10 s",
            CaddyRelaunch.Reason(Admin, ownPid: null, ownRunning: false, silentFor: TimeSpan.FromSeconds(10), sinceLastLaunch: null));
    }

    [Fact]
    public void A_caddy_that_cannot_start_is_tried_again_only_every_ten_seconds()
    {
        Assert.Null(CaddyRelaunch.Reason(Admin, ownPid: 4242, ownRunning: false, silentFor: TimeSpan.FromSeconds(30), sinceLastLaunch: TimeSpan.FromSeconds(9)));
        Assert.NotNull(CaddyRelaunch.Reason(Admin, ownPid: 4242, ownRunning: false, silentFor: TimeSpan.FromSeconds(30), sinceLastLaunch: TimeSpan.FromSeconds(10)));
    }
}

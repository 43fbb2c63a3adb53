using WebOps.Core.Proxy;

namespace WebOps.Tests.Unit.Proxy;

/// <summary>The slot log as Caddy 2.6.2 writes it (lines copied from a real run, headers shortened).</summary>
public sealed class SlotCheckTests
{
    private const string SlotBDown =
        """{"level":"error","ts":1796157284.1930497,"logger":"http.log.access.slots","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"57786","proto":"HTTP/1.1","method":"GET","host":"[::ffff:127.0.0.1]:47020","uri":"/blog/49160?route=blog.test","headers":{"User-Agent":["Go-http-client/1.1"]}},"user_id":"","duration":0.00011436,"size":0,"status":404,"resp_headers":{"Server":["Caddy"]}}""";

    private const string SlotAUp =
        """{"level":"info","ts":1796157284.2034485,"logger":"http.log.access.slots","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"57798","proto":"HTTP/1.1","method":"GET","host":"127.0.0.1:47020","uri":"/blog/49160?route=blog.test","headers":{"User-Agent":["Go-http-client/1.1"]}},"user_id":"","duration":0.009732162,"size":3,"status":200,"resp_headers":{"Server":["Caddy"],"Content-Length":["3"]}}""";

    private const string OtherRoute =
        """{"level":"info","ts":1796157284.4,"logger":"http.log.access.slots","msg":"handled request","request":{"host":"127.0.0.1:47020","uri":"/blog/49160?route=www.blog.test"},"status":200}""";

    private const string CheckerLine =
        """{"level":"info","ts":1796157285.6082873,"logger":"http.handlers.reverse_proxy.health_checker.active","msg":"status code out of tolerances","status_code":404,"host":"[::ffff:127.0.0.1]:47020"}""";

    [Fact]
    public void An_access_line_tells_the_slot_the_route_and_the_answer()
    {
        Assert.Equal(new SlotCheck("b", "/blog/49160?route=blog.test", 404), SlotCheck.Parse(SlotBDown));
        Assert.Equal(new SlotCheck("a", "/blog/49160?route=blog.test", 200), SlotCheck.Parse(SlotAUp));
    }

    [Theory]
    [InlineData(CheckerLine)]
    [InlineData("""{"level":"info","logger":"http.log.access.slots","request":{"host":"10.0.0.1:47020","uri":"/blog/49160"},"status":200}""")]
    [InlineData("""{"level":"info","logger":"http.log.access.slots","request":{"host":"127.0.0.1:47020","uri":"/blog""")]
    [InlineData("")]
    public void Other_loggers_other_hosts_and_half_written_lines_are_no_check(string line) => Assert.Null(SlotCheck.Parse(line));

    [Fact]
    public void A_wait_ends_once_every_route_saw_the_slot_answer_twice()
    {
        var wait = new SlotWait("a", [SlotPorts.HealthUri("blog", 49160, "blog.test"), SlotPorts.HealthUri("blog", 49160, "www.blog.test")], 200);

        // The other slot, another status, a second route seen once: not yet.
        Assert.False(wait.Add(SlotBDown));
        Assert.False(wait.Add(SlotAUp));
        Assert.False(wait.Add(OtherRoute));
        Assert.False(wait.Add(SlotAUp));
        Assert.Equal(["/blog/49160?route=www.blog.test"], wait.Missing);

        Assert.True(wait.Add(OtherRoute));
        Assert.Empty(wait.Missing);
    }
}

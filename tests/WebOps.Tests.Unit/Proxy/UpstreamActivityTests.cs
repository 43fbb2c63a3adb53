using System.Text.Json.Nodes;
using WebOps.Core.Proxy;
using WebOps.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class UpstreamActivityTests
{
    private const string Upstreams = """
        [{"address":"127.0.0.1:10000","num_requests":0,"fails":0},
         {"address":"[::ffff:127.0.0.1]:10001","num_requests":2,"fails":0},
         {"address":"127.0.0.1:12001","num_requests":1,"fails":0}]
        """;

    [Theory]
    [InlineData(10000, 0)]
    [InlineData(10001, 2)]
    [InlineData(12001, 1)]
    public void Counts_the_requests_in_flight_to_the_upstream_on_a_port_however_its_loopback_is_written(int port, int expected) =>
        Assert.Equal(expected, UpstreamActivity.InFlight(JsonNode.Parse(Upstreams), port));

    [Fact]
    public void A_port_caddy_lists_no_upstream_for_cannot_be_counted()
    {
        Assert.Null(UpstreamActivity.InFlight(JsonNode.Parse(Upstreams), 1000));
        Assert.Null(UpstreamActivity.InFlight(JsonNode.Parse(Upstreams), 100001));
        Assert.Null(UpstreamActivity.InFlight(null, 10000));
        Assert.Null(UpstreamActivity.InFlight(JsonNode.Parse("""[{"address":"127.0.0.1:10000"}]"""), 10000));
    }

    [Fact]
    public void The_deploy_log_says_how_long_the_drain_took_and_why_it_ended()
    {
        const string Previous = "The previous container webops-blog";
        Assert.Equal(
            "The previous container webops-blog drained in 0.3 s: the edge had no request in flight to it.",
            new DrainResult(TimeSpan.FromMilliseconds(312), DrainEnd.Idle).Describe(Previous));
        Assert.Equal(
            "The previous container webops-blog drained for 10 s, the drain timeout (Deployments:DrainTimeout), and stops with 2 requests still in flight.",
            new DrainResult(TimeSpan.FromSeconds(10), DrainEnd.TimedOut, "2 requests").Describe(Previous));
        Assert.Equal(
            "The previous container webops-blog drained for 10 s, the drain timeout (Deployments:DrainTimeout): Caddy's admin API could not say what is in flight (it did not answer in time).",
            new DrainResult(TimeSpan.FromSeconds(10), DrainEnd.Unknown, "Caddy's admin API could not say what is in flight (it did not answer in time)").Describe(Previous));
        Assert.Equal(
            "The previous container webops-blog drained for 1.5 s and stops now: the deploy was cancelled.",
            new DrainResult(TimeSpan.FromSeconds(1.5), DrainEnd.Cancelled).Describe(Previous));
    }
}

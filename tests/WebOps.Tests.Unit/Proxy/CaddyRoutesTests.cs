using System.Text.Json.Nodes;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;
using WebOps.Proxy;

namespace WebOps.Tests.Unit.Proxy;

public sealed class CaddyRoutesTests
{
    private static readonly ProxyOptions Options = new() { HttpPort = 8080, HttpsPort = 8443 };

    [Fact]
    public void Each_name_is_read_back_with_both_slots_of_its_pair_on_either_server()
    {
        var config = CaddyConfig.Build(
            Options, "/srv/proxy",
            [new ProxySite("blog", ["blog.example", "www.blog.example"], 49161, TlsMode.Auto), new ProxySite("wiki", ["wiki.test"], 49170, TlsMode.Off)]);

        Assert.Equal(["127.0.0.1:49160", "[::ffff:127.0.0.1]:49161"], CaddyRoutes.DialsOf(config, "www.blog.example"));
        Assert.Equal(["127.0.0.1:49170", "[::ffff:127.0.0.1]:49171"], CaddyRoutes.DialsOf(config, "wiki.test"));
        Assert.Empty(CaddyRoutes.DialsOf(config, "blog.test"));
    }

    [Fact]
    public void An_empty_or_foreign_config_has_no_route()
    {
        Assert.Empty(CaddyRoutes.DialsOf(null, "blog.example"));
        Assert.Empty(CaddyRoutes.DialsOf(JsonNode.Parse("""{"apps":{"http":{"servers":{"x":{"routes":[{"handle":[]}]}}}}}"""), "blog.example"));
    }
}

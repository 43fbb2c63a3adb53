using WebOps.Core.Validation;

namespace WebOps.Tests.Unit.Validation;

public class SpecParsingTests
{
    [Theory]
    [InlineData("/srv/data/:/data:ro", "/srv/data", false, "/data", true)]
    [InlineData("//srv/./data:/data/./x/", "/srv/data", false, "/data/x", false)]
    [InlineData("app-data:/data", "app-data", true, "/data", false)]
    [InlineData("/srv/data:/data:rw", "/srv/data", false, "/data", false)]
    public void Volume_parses_into_normalized_parts(string text, string host, bool named, string container, bool readOnly)
    {
        Assert.Equal(new VolumeSpec(host, named, container, readOnly), VolumeSpec.Parse(text));
    }

    [Fact]
    public void Volume_renders_as_a_docker_bind()
    {
        Assert.Equal("/srv/data:/data:ro", VolumeSpec.Parse("/srv/data/:/data:ro").ToBind());
        Assert.Equal("app-data:/data:rw", VolumeSpec.Parse("app-data:/data").ToBind());
    }

    [Fact]
    public void Bad_volume_throws_naming_the_value_and_the_problem()
    {
        var ex = Assert.Throws<FormatException>(() => VolumeSpec.Parse("/srv/x:data"));

        Assert.Equal(
            "Volume '/srv/x:data' is not valid: container path 'data' is not absolute; give a path such as /data.",
            ex.Message);
    }

    [Fact]
    public void Volume_parsing_does_not_judge_host_policy()
    {
        // Parsing is format only; whether /etc may be mounted is the validator's decision.
        Assert.Equal("/etc", VolumeSpec.Parse("/etc:/x").HostPathOrName);
    }

    [Theory]
    [InlineData("8080:80", null, 8080, 80, "tcp")]
    [InlineData("127.0.0.1:8080:80/udp", "127.0.0.1", 8080, 80, "udp")]
    [InlineData("[::1]:8443:443", "::1", 8443, 443, "tcp")]
    [InlineData("[0:0:0:0:0:0:0:1]:1:65535/tcp", "::1", 1, 65535, "tcp")]
    public void Port_parses_into_its_parts(string text, string? ip, int host, int container, string protocol)
    {
        Assert.Equal(new PortSpec(ip, host, container, protocol), PortSpec.Parse(text));
    }

    [Fact]
    public void Port_gives_the_engine_api_key_for_the_container_side()
    {
        Assert.Equal("53/udp", PortSpec.Parse("5353:53/udp").ContainerPortKey);
    }

    [Fact]
    public void Bad_port_throws_naming_the_value_and_the_problem()
    {
        var ex = Assert.Throws<FormatException>(() => PortSpec.Parse("8080:80/sctp"));

        Assert.Equal("Port '8080:80/sctp' is not valid: protocol 'sctp' is not supported; use tcp or udp.", ex.Message);
    }
}

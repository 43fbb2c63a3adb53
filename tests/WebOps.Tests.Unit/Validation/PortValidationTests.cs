namespace WebOps.Tests.Unit.Validation;

public class PortValidationTests
{
    [Theory]
    [InlineData("0:80", "host port '0' is not a port number; use 1 to 65535")]
    [InlineData("8080:65536", "container port '65536' is not a port number")]
    [InlineData("99999999999:80", "host port '99999999999' is not a port number")]
    [InlineData("8080", "gives only the container port")]
    [InlineData("abc:80", "host port 'abc'")]
    [InlineData("+80:80", "host port '+80'")]
    [InlineData(" 80:80", "host port ' 80'")]
    [InlineData("0x50:80", "host port '0x50'")]
    [InlineData("8080:80/sctp", "protocol 'sctp' is not supported")]
    [InlineData("8080:80/TCP", "protocol 'TCP' is not supported")]
    [InlineData("8000-8010:8000-8010", "host port '8000-8010'")]
    [InlineData("999.1.1.1:8080:80", "host address '999.1.1.1' is not a valid IPv4 address")]
    [InlineData("localhost:8080:80", "host address 'localhost' is not a valid IPv4 address")]
    [InlineData("127.1:8080:80", "host address '127.1'")]
    [InlineData("[::1:8080:80", "without a closing ']'")]
    [InlineData("[zz::1]:8080:80", "host address '[zz::1]' is not a valid IPv6 address")]
    [InlineData("[fe80::1%eth0]:8080:80", "is not a valid IPv6 address")]
    [InlineData("1:2:3:4", "does not have the form [ip:]host:container")]
    [InlineData("8080:80\n", "container port '80\\u000A'")]
    [InlineData("", "is empty")]
    public void Malformed_port_is_rejected(string port, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerPorts = ["9000:9000", port]);

        Inputs.AssertOnly(errors, "docker_ports[1]", fragment);
    }

    [Fact]
    public void Host_port_used_twice_names_the_first_entry()
    {
        var errors = Inputs.Create(i => i.DockerPorts = ["8080:80", "8443:443", "8080:8000"]);

        Assert.Equal(
            "docker_ports[2]: host port 8080/tcp is already used by docker_ports[0]; choose another host port",
            Assert.Single(errors).ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:8080:80", "127.0.0.1:8080:81", "host port 127.0.0.1:8080/tcp")]
    [InlineData("8080:80", "127.0.0.1:8080:81", "host port 127.0.0.1:8080/tcp")]
    [InlineData("0.0.0.0:53:53/udp", "53:5353/udp", "host port 53/udp")]
    [InlineData("[::1]:8080:80", "[0:0::1]:8080:81", "host port [::1]:8080/tcp")]
    public void Binding_clashes_on_the_same_address_or_a_wildcard_are_rejected(string first, string second, string fragment)
    {
        var errors = Inputs.Create(i => i.DockerPorts = [first, second]);

        Inputs.AssertOnly(errors, "docker_ports[1]", fragment);
    }

    [Fact]
    public void Too_many_ports_states_the_limit()
    {
        var ports = Enumerable.Range(1, 51).Select(n => $"{9000 + n}:80").ToList();

        var errors = Inputs.Create(i => i.DockerPorts = ports);

        Inputs.AssertOnly(errors, "docker_ports", "has 51 entries; the limit is 50");
    }

    [Fact]
    public void Distinct_bindings_pass_including_udp_and_per_address()
    {
        Assert.Empty(Inputs.Create(i => i.DockerPorts =
        [
            "8080:80",
            "8080:80/udp",
            "127.0.0.1:9000:9000",
            "127.0.0.2:9000:9000",
            "[::1]:9000:9000",
            "5353:53/udp",
            "65535:1/tcp",
        ]));
    }
}

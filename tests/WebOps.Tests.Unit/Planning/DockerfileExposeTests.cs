using WebOps.Core.Planning;

namespace WebOps.Tests.Unit.Planning;

public sealed class DockerfileExposeTests
{
    [Theory]
    [InlineData("FROM x\nEXPOSE 8080\n", 8080)]
    [InlineData("FROM x\n  expose\t9000/tcp 80\n", 9000)]
    [InlineData("FROM x\nEXPOSE 3000/udp\nEXPOSE 4000\n", 3000)]
    [InlineData("FROM x\nEXPOSE $PORT\nEXPOSE 5000\n", 5000)]
    [InlineData("FROM x\nEXPOSE 70000\n", null)]
    [InlineData("FROM x\n# EXPOSE 8080\n", null)]
    [InlineData("FROM x\n", null)]
    public void The_first_valid_EXPOSEd_port_is_read(string dockerfile, int? expected) =>
        Assert.Equal(expected, DockerfileExpose.FirstPort(dockerfile.Split('\n')));
}

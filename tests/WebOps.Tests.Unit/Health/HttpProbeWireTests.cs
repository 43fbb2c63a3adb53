using System.Text;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

/// <summary>The bytes the HTTP probe sends, and which first lines it takes for a status.</summary>
public sealed class HttpProbeWireTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/health?full=1", "/health?full=1")]
    [InlineData("/santé?q=ü", "/sant%C3%A9?q=%C3%BC")]
    [InlineData("/a/../b", "/b")]
    [InlineData("/up#top", "/up")]
    [InlineData("//twice", "//twice")]
    public void The_request_line_carries_the_path_as_a_browser_sends_it(string path, string target)
    {
        var request = Encoding.ASCII.GetString(HttpProbe.Request(path, "blog.example.com"));

        Assert.Equal(
            $"GET {target} HTTP/1.1\r\nHost: blog.example.com\r\nUser-Agent: WebOps-health\r\nAccept: */*\r\nConnection: close\r\n\r\n",
            request);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nServer: x\r\n\r\n", 200)]
    [InlineData("HTTP/1.0 503 Service Unavailable\r\n", 503)]
    [InlineData("HTTP/1.1 204\r\n", 204)]
    [InlineData("HTTP/1.1 302 Found\n", 302)]
    [InlineData("HTTP/1.1 404 Not Found", 404)]
    [InlineData("HTTP/1.1 599 \r\n", 599)]
    public void A_status_line_gives_its_code(string answer, int status) =>
        Assert.Equal(status, HttpProbe.StatusOf(Encoding.ASCII.GetBytes(answer)));

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n")]
    [InlineData("HTTP/2 200\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n")]
    [InlineData("HTTP/1.1 099 Low\r\n")]
    [InlineData("HTTP/1.1 600 High\r\n")]
    [InlineData("HTTP/1.1 +20 OK\r\n")]
    [InlineData("HTTP/1.1  200 OK\r\n")]
    [InlineData("hello\r\nHTTP/1.1 200 OK\r\n")]
    [InlineData("")]
    public void Anything_else_is_no_status(string answer) =>
        Assert.Null(HttpProbe.StatusOf(Encoding.ASCII.GetBytes(answer)));
}

using WebOps.Cli;

namespace WebOps.Tests.Unit.Cli;

public class ServeUrlsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000")]
    [InlineData("http://localhost:8000")]
    [InlineData("http://*:8000")]
    [InlineData("http://+:80")]
    [InlineData("https://0.0.0.0:8443")]
    [InlineData("http://[::1]:8000")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:8000;https://127.0.0.1:8443")]
    public void Addresses_Kestrel_listens_on_pass(string urls) => ServeCommand.CheckUrls(urls);

    [Theory]
    [InlineData("notaurl", "webops serve: --urls: 'notaurl' is not an address to listen on; give one such as http://127.0.0.1:8000")]
    [InlineData("http://127.0.0.1:99999", "webops serve: --urls: 'http://127.0.0.1:99999' is not an address to listen on; give one such as http://127.0.0.1:8000 (http or https, port 0 to 65535)")]
    [InlineData("ftp://127.0.0.1:21", "webops serve: --urls: 'ftp://127.0.0.1:21' is not an address to listen on; give one such as http://127.0.0.1:8000 (http or https, port 0 to 65535)")]
    [InlineData("http://127.0.0.1:8000;8001", "webops serve: --urls: '8001' is not an address to listen on; give one such as http://127.0.0.1:8000")]
    public async Task Anything_else_is_a_usage_error_naming_the_option_before_the_panel_is_built(string urls, string message)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliRunner.InvokeAsync(CommandLine.Build(), ["serve", "--urls", urls, "--data", "/nonexistent/never-created"], stdout, stderr);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(message, stderr.ToString().TrimEnd());
        Assert.False(Directory.Exists("/nonexistent/never-created"));
    }
}

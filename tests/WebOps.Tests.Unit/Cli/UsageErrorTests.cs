using WebOps.Cli;

namespace WebOps.Tests.Unit.Cli;

public class UsageErrorTests
{
    private static string? Format(params string[] args) => UsageError.Format(CommandLine.Build().Parse(args));

    [Fact]
    public void A_missing_option_names_it_with_the_verbs_usage()
    {
        Assert.Equal(
            "webops token create: --name is required.\nUsage: webops token create --name N [--scope read|deploy|admin] [--expires 30d|12h|never] [--data PATH]\nRun `webops token create --help` for more.\n",
            Format("token", "create", "--data", "/tmp/x"));
    }

    [Fact]
    public void A_bare_word_where_a_verb_goes_is_an_unknown_verb()
    {
        Assert.Equal("webops: Unknown verb 'frobnicate'.\nRun `webops --help` for more.\n", Format("frobnicate"));
    }

    [Fact]
    public void An_unknown_option_of_a_verb_is_named()
    {
        Assert.Equal(
            "webops deploy: Unknown option '--bogus'.\nUsage: webops deploy NAME [--follow] [--url URL] [--token TOKEN]\nRun `webops deploy --help` for more.\n",
            Format("deploy", "blog", "--bogus"));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:9000", "--Proxy:Enabled=false")]
    [InlineData("serve", "--Logging:LogLevel:Default", "Warning")]
    [InlineData("--help")]
    [InlineData("deploy", "--help")]
    public void Serve_passes_configuration_on_and_help_is_no_error(params string[] args) => Assert.Null(Format(args));
}

using WebOps.Cli;
using WebOps.Cli.Client;

namespace WebOps.Tests.Unit.Cli;

public class PanelTargetTests
{
    private static readonly SavedLogin[] Saved = [new("https://panel.example", "wo_saved"), new("http://127.0.0.1:8000", "wo_local")];

    [Fact]
    public void Token_option_wins_then_the_environment_then_the_saved_login_for_that_url()
    {
        Assert.Equal(new PanelTarget("https://panel.example", "wo_opt", "--token"), PanelTarget.Resolve(null, "wo_opt", "wo_env", Saved));
        Assert.Equal(new PanelTarget("https://panel.example", "wo_env", "WEBOPS_TOKEN"), PanelTarget.Resolve(null, null, "wo_env", Saved));
        Assert.Equal(new PanelTarget("https://panel.example", "wo_saved", "the saved login"), PanelTarget.Resolve(null, null, null, Saved));
        Assert.Equal(new PanelTarget("http://127.0.0.1:8000", "wo_local", "the saved login"), PanelTarget.Resolve("http://127.0.0.1:8000/", null, "", Saved));
    }

    [Fact]
    public void Without_a_saved_login_the_url_is_the_default()
    {
        Assert.Equal("http://127.0.0.1:8000", PanelTarget.Resolve(null, "wo_t", null, []).Url);
    }

    [Fact]
    public void A_token_saved_for_one_panel_is_never_sent_to_another()
    {
        var e = Assert.Throws<CliException>(() => PanelTarget.Resolve("https://other.example", null, null, Saved));

        Assert.StartsWith("No API token for https://other.example: run `webops login --url https://other.example`", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000/", "http://127.0.0.1:8000")]
    [InlineData("HTTPS://Panel.Example/webops/", "https://panel.example/webops")]
    public void Urls_are_spelled_one_way(string given, string expected) => Assert.Equal(expected, PanelTarget.Normalize(given));

    [Theory]
    [InlineData("panel.example")]
    [InlineData("ftp://panel.example")]
    [InlineData("http://panel.example/?x=1")]
    public void Other_addresses_are_usage_errors_naming_the_option(string given)
    {
        var e = Assert.Throws<CliException>(() => PanelTarget.Normalize(given));

        Assert.Equal($"--url: '{given}' is not an http:// or https:// address, e.g. http://127.0.0.1:8000.", e.Message);
    }
}

using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary>Every verb explains itself with --help; a wrong option is a usage error (exit 2) that names it.</summary>
public sealed class HelpAndUsageTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("admin create")]
    [InlineData("token create")]
    [InlineData("addons list")]
    [InlineData("addons enable")]
    [InlineData("addons disable")]
    [InlineData("addons verify")]
    [InlineData("detect")]
    [InlineData("systemd render")]
    [InlineData("login")]
    [InlineData("status")]
    [InlineData("deploy")]
    [InlineData("rollback")]
    [InlineData("logs")]
    public async Task Help_of_each_verb_shows_its_usage_and_options(string verb)
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.True(code == 0, stderr);
        Assert.Contains($"webops {verb}", stdout, StringComparison.Ordinal);
        Assert.Contains("Options:", stdout, StringComparison.Ordinal);
        Assert.Contains("--help", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var (code, stdout, _) = await WebOpsCli.RunAsync("--help");

        Assert.Equal(0, code);
        foreach (var verb in new[] { "serve", "admin", "token", "addons", "detect", "systemd", "login", "status", "deploy", "rollback", "logs" })
        {
            Assert.Matches($"(?m)^  {verb}\\b", stdout);
        }
    }

    [Theory]
    [InlineData("deploy", "blog", "--bogus")]
    [InlineData("token", "create", "--name", "ci", "--nmae", "x")]
    [InlineData("status", "--follow")]
    public async Task An_unknown_option_is_a_usage_error_that_names_it(params string[] args)
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync(args);

        var wrong = args.First(a => a is "--bogus" or "--nmae" or "--follow");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains($"Unknown option '{wrong}'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: webops " + args[0], stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_option_value_is_a_usage_error_that_names_the_option()
    {
        var (code, _, stderr) = await WebOpsCli.RunAsync("rollback", "blog", "--to", "yesterday");

        Assert.Equal(2, code);
        Assert.Contains("webops rollback: --to: 'yesterday' is not a run number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completions_come_from_the_command_tree()
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync("[suggest:9]", "webops de");

        Assert.True(code == 0, stderr);
        Assert.Equal(["deploy", "detect"], stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}

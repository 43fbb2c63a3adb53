using System.CommandLine;
using WebOps.Cli;

namespace WebOps.Tests.Unit.Cli;

public sealed class ServeArgumentsTests
{
    public static TheoryData<string[], string[]> Plain => new()
    {
        { [], [] },
        { ["serve"], [] },
        { ["serve", "--data", "/var/lib/webops", "--urls", "http://127.0.0.1:8000"], ["--data", "/var/lib/webops", "--urls", "http://127.0.0.1:8000"] },
        { ["--urls", "http://0.0.0.0:80", "--Proxy:Enabled=false", "--data", "d"], ["--data", "d", "--urls", "http://0.0.0.0:80", "--Proxy:Enabled=false"] },
        { ["serve", "--Deployments:AllowLocalRepos=true", "--Health:Interval=01:00:00"], ["--Deployments:AllowLocalRepos=true", "--Health:Interval=01:00:00"] },
        { ["serve", "--database=x"], ["--database=x"] },
    };

    /// <summary>Command lines only the parser can answer: help, other verbs, its own spellings, its errors.</summary>
    public static TheoryData<string[]> ForTheParser => new()
    {
        { ["--help"] },
        { ["serve", "-h"] },
        { ["--version"] },
        { ["admin", "create"] },
        { ["serve", "--data=/srv/webops"] },
        { ["serve", "--urls:http://127.0.0.1:1"] },
        { ["serve", "--data"] },
        { ["serve", "--data", "--urls", "u"] },
        { ["serve", "--data", "a", "--data", "b"] },
        { ["serve", "--verbose"] },
        { ["serve", "--Key", "value"] },
        { ["--data", "d", "serve"] },
        { ["serve", "serve"] },
        { ["serve", "--"] },
        { ["serve", "--data", ""] },
    };

    [Theory]
    [MemberData(nameof(Plain))]
    public void A_plain_serve_command_line_gives_the_host_arguments(string[] args, string[] expected) =>
        Assert.Equal(expected, ServeArguments.HostArgs(args));

    [Theory]
    [MemberData(nameof(Plain))]
    public void The_parser_gives_the_same_host_arguments_for_a_plain_serve_command_line(string[] args, string[] expected)
    {
        var result = CommandLine.Build().Parse(args);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, ServeCommand.HostArgs(result));
        Assert.True(result.CommandResult.Command is RootCommand || result.CommandResult.Command.Name == "serve", result.CommandResult.Command.Name);
    }

    [Theory]
    [MemberData(nameof(ForTheParser))]
    public void Anything_else_is_left_to_the_parser(string[] args) =>
        Assert.Null(ServeArguments.HostArgs(args));
}

using System.Text.Json;

namespace WebOps.Tests.Integration.Cli;

/// <summary><c>webops login</c> checks the token, saves URL and token for the user only, and the other verbs use them.</summary>
[Collection(ClientPanelCollection.Name)]
public sealed class LoginTests(ClientPanel panel)
{
    [Fact]
    public async Task Login_saves_url_and_token_readable_by_the_user_only_and_status_then_uses_them()
    {
        var config = panel.NewConfigHome();
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = config };
        var name = await panel.CreateStaticSiteAsync("cli-login");

        var login = await panel.RunAsync(environment, "login", "--url", panel.Url + "/", "--token", panel.Token);
        var status = await panel.RunAsync(environment, "status");

        Assert.True(login.ExitCode == 0, login.ToString());
        var file = Path.Combine(config, "webops", "credentials");
        Assert.Contains($"Logged in to {panel.Url} ", login.Stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        var saved = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("panels")[0];
        Assert.Equal(panel.Url, saved.GetProperty("url").GetString());
        Assert.Equal(panel.Token, saved.GetProperty("token").GetString());
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains(name, status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_a_refused_token_saves_nothing()
    {
        var config = panel.NewConfigHome();

        var login = await panel.RunAsync(new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = config }, "login", "--url", panel.Url, "--token", "wo_wrong");

        Assert.True(login.ExitCode == 1, login.ToString());
        Assert.Contains("the token was refused", login.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(config, "webops", "credentials")));
    }

    [Fact]
    public async Task Login_without_a_token_and_without_stdin_fails_naming_the_option()
    {
        var login = await panel.RunAsync(new Dictionary<string, string?>(), "login", "--url", panel.Url);

        Assert.True(login.ExitCode == 2, login.ToString());
        Assert.Contains("webops login: no token: pass --token", login.Stderr, StringComparison.Ordinal);
    }
}

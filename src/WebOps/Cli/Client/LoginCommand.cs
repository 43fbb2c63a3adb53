using System.CommandLine;
using Spectre.Console;

namespace WebOps.Cli.Client;

/// <summary>
/// <c>webops login [--url URL] [--token TOKEN]</c>: asks for what is not given (the token hidden; piped on stdin also
/// works), checks it against <c>GET /api/deployments</c>, and saves URL and token for the other client verbs.
/// </summary>
public static class LoginCommand
{
    private const string Usage = "webops login [--url URL] [--token TOKEN]";

    public static Verb Create()
    {
        var login = new Verb("login", "Save a panel's URL and an API token for the other client verbs (checked first)", Usage);
        var url = ClientVerb.UrlOption();
        var token = new Option<string?>("--token") { Description = "The API token (from `webops token create`); asked for when not given", HelpName = "TOKEN" };
        login.Options.Add(url);
        login.Options.Add(token);
        login.SetAction((result, ct) => ClientVerb.GuardAsync(result, () => RunAsync(result, result.GetValue(url), result.GetValue(token), ct)));
        return login;
    }

    private static async Task<int> RunAsync(ParseResult result, string? urlOption, string? tokenOption, CancellationToken ct)
    {
        var path = CredentialsFile.Path;
        var saved = CredentialsFile.Read(path);
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var console = Terminal.For(result.InvocationConfiguration.Output);
        var suggested = saved.Count > 0 ? saved[0].Url : PanelTarget.DefaultUrl;
        var url = PanelTarget.Normalize(urlOption ?? (interactive ? console.Prompt(new TextPrompt<string>("Panel URL:").DefaultValue(suggested)) : suggested));
        var token = tokenOption ?? (interactive
            ? console.Prompt(new TextPrompt<string>("API token (from `webops token create --name NAME`):").Secret())
            : await Console.In.ReadLineAsync(ct));
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliException($"no token: pass --token, pipe it on stdin, or run `webops login` in a terminal to be asked. Usage: {Usage}");
        }

        var target = new PanelTarget(url, token.Trim(), tokenOption is null ? "the login prompt" : "--token");
        using (var client = new PanelClient(target))
        {
            var deployments = await client.GetAsync<List<DeploymentInfo>>("/api/deployments", ct);
            await CredentialsFile.SaveAsync(path, new SavedLogin(target.Url, target.Token), ct);
            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"Logged in to {target.Url} ({deployments.Count} deployment{(deployments.Count == 1 ? "" : "s")}). Saved to {path}, readable by you only.");
        }

        return ExitCodes.Ok;
    }
}

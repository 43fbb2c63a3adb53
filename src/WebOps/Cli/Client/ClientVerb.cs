using System.CommandLine;

namespace WebOps.Cli.Client;

/// <summary>
/// What every verb that talks to a running panel shares: <c>--url</c> and <c>--token</c>, finding the token, one
/// <see cref="PanelClient"/>, and turning a <see cref="PanelException"/> into its message and exit code 1 (a <see cref="CliException"/>: 2).
/// </summary>
public static class ClientVerb
{
    public static Verb Create(string name, string description, string usage)
    {
        var verb = new Verb(name, description, usage + " [--url URL] [--token TOKEN]");
        verb.Options.Add(UrlOption());
        verb.Options.Add(new Option<string?>("--token")
        {
            Description = "The API token; default WEBOPS_TOKEN, else the one `webops login` saved for the URL",
            HelpName = "TOKEN",
        });
        return verb;
    }

    public static Option<string?> UrlOption() => new("--url")
    {
        Description = $"The panel's address; default the one last logged into, else {PanelTarget.DefaultUrl}",
        HelpName = "URL",
    };

    /// <summary>Sets the verb's action: <paramref name="action"/> gets a client for the resolved panel.</summary>
    public static void SetAction(Verb verb, Func<ParseResult, PanelClient, CancellationToken, Task<int>> action) =>
        verb.SetAction((result, ct) => GuardAsync(result, async () =>
        {
            var target = PanelTarget.Resolve(
                result.GetValue<string?>("--url"),
                result.GetValue<string?>("--token"),
                Environment.GetEnvironmentVariable("WEBOPS_TOKEN"),
                CredentialsFile.Read(CredentialsFile.Path));
            using var client = new PanelClient(target);
            return await action(result, client, ct);
        }));

    /// <summary>Runs <paramref name="action"/>; a panel failure is printed as <c>webops VERB: message</c>, exit code 1.</summary>
    public static async Task<int> GuardAsync(ParseResult result, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (PanelException e)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"webops {result.CommandResult.Command.Name}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (CliException e)
        {
            await result.InvocationConfiguration.Error.WriteLineAsync($"webops {result.CommandResult.Command.Name}: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}

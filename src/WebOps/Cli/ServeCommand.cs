using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using WebOps.Hosting;

namespace WebOps.Cli;

/// <summary>
/// <c>webops serve [--data PATH] [--urls URL] [--Section:Key=value ...]</c>: runs the panel. It is also what the
/// executable does with no verb, so the root command gets the same options and action.
/// </summary>
public static class ServeCommand
{
    public const string Usage = "webops serve [--data PATH] [--urls URL] [--Section:Key=value ...]";

    public static Verb Create()
    {
        var serve = new Verb("serve", "Run the panel (the default verb; http://127.0.0.1:8000, data in ./data)", Usage);
        AddTo(serve);
        return serve;
    }

    /// <summary>Gives <paramref name="command"/> serve's options and action.</summary>
    public static void AddTo(Command command)
    {
        var data = CommonOptions.Data();
        var urls = new Option<string?>("--urls") { Description = "Where the panel listens (default http://127.0.0.1:8000)", HelpName = "URL" };
        command.Options.Add(data);
        command.Options.Add(urls);

        // Anything else is ASP.NET Core configuration (--Section:Key=value), read by the host itself.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, ct) =>
        {
            string[] host =
            [
                .. result.GetValue(data) is { } d ? new[] { "--data", d } : [],
                .. result.GetValue(urls) is { } u ? new[] { "--urls", u } : [],
                .. result.UnmatchedTokens,
            ];
            await using var app = WebOpsApp.Build(host);
            try
            {
                await app.StartAsync(ct);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                // The start-up tasks ran before the server tried to listen, and a first admin may be on its way: the
                // host's usual stop waits for it and prints its password, which is not shown on any later start.
                await app.StopAsync(CancellationToken.None);
                await Console.Error.WriteLineAsync(AddressInUse(e));
                return ExitCodes.Failed;
            }

            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
    }

    /// <summary>Kestrel's message names the address; this says what to do about it.</summary>
    public static string AddressInUse(IOException e) =>
        $"webops: {e.Message} Another program (or another panel) listens there: stop it, or start the panel on a free "
        + "address with --urls, for example --urls http://127.0.0.1:8001";
}

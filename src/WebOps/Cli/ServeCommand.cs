using System.CommandLine;
using Microsoft.AspNetCore.Http;
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
            if (result.GetValue(urls) is { } u)
            {
                CheckUrls(u);
            }

            string[] host =
            [
                .. result.GetValue(data) is { } d ? new[] { "--data", d } : [],
                .. result.GetValue(urls) is { } listen ? new[] { "--urls", listen } : [],
                .. result.UnmatchedTokens,
            ];
            return await RunAsync(host, ct);
        });
    }

    /// <summary>
    /// Runs the panel until it stops. A start that fails, before or after the server listens, ends with exit code 1 and
    /// a last line on stderr: what to do when the cause is how the panel was started (<see cref="StartFailure"/>),
    /// the exception when it is a fault.
    /// </summary>
    private static async Task<int> RunAsync(string[] host, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = WebOpsApp.Build(host);
        }
        catch (Exception e)
        {
            return await FailedAsync(e);
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The start-up tasks ran before the server tried to listen, and a first admin may be on its way: the
                // host's usual stop waits for it and prints its password, which is not shown on any later start. The
                // start's failure is the one to report, even if stopping what did start fails too.
                await app.StopAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return await FailedAsync(e);
            }

            await app.WaitForShutdownAsync(ct);
            return app.Services.GetRequiredService<StartupRecovery>().Failure is { } failure ? await FailedAsync(failure, logged: true) : ExitCodes.Ok;
        }
    }

    /// <param name="logged">The failure's exception is in the log already (<see cref="AfterListening"/>).</param>
    private static async Task<int> FailedAsync(Exception e, bool logged = false)
    {
        var why = StartFailure.Explain(e) ?? (logged ? $"{e.Message} (the log above has the details)" : e.ToString());
        await Console.Error.WriteLineAsync($"webops: the panel could not start: {why}");
        return ExitCodes.Failed;
    }

    /// <summary>
    /// Refuses, as a usage error, what Kestrel would refuse only once the server starts, with an exception: an address
    /// that does not parse, a scheme other than http or https, a port out of range.
    /// </summary>
    public static void CheckUrls(string value)
    {
        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new CliException($"webops serve: --urls: '{url}' is not an address to listen on; give one such as http://127.0.0.1:8000");
            }

            if (address.Scheme is not ("http" or "https") || address.IsUnixPipe || address.Port is < 0 or > 65535)
            {
                throw new CliException($"webops serve: --urls: '{url}' is not an address to listen on; give one such as http://127.0.0.1:8000 (http or https, port 0 to 65535)");
            }
        }
    }
}

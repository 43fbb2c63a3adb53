using System.CommandLine;
using WebOps.Auth.TwoFactor;

namespace WebOps.Cli;

/// <summary>
/// <c>webops admin reset-2fa --username U</c>: turns two-factor login off for someone who lost both the phone and the
/// recovery codes. Only whoever runs commands on the server can do it, which is the proof asked for instead of a code.
/// </summary>
public static class ResetTwoFactorCommand
{
    public const string Usage = "webops admin reset-2fa --username U [--data PATH]";

    public static Verb Create()
    {
        var reset = new Verb("reset-2fa", "Turn two-factor login off for a user locked out of it", Usage);
        var username = new Option<string?>("--username") { Description = "The user locked out", HelpName = "U" };
        var data = CommonOptions.Data();
        reset.Options.Add(username);
        reset.Options.Add(data);
        CommonOptions.Require(reset, username);
        reset.SetAction((result, _) => RunAsync(result.GetValue(username)!, result.GetValue(data)));
        return reset;
    }

    private static async Task<int> RunAsync(string username, string? data)
    {
        await using var app = await AdminHost.StartAsync(data);
        await using var scope = app.Services.CreateAsyncScope();
        var twoFactor = scope.ServiceProvider.GetRequiredService<TwoFactorService>();
        var user = await twoFactor.LoadUserAsync(username, CancellationToken.None);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"No user named '{username}' (names are case-sensitive). Check the name on the panel's account page or in the login form.");
            return ExitCodes.Failed;
        }

        if (!TwoFactorService.IsOn(user) && user.TwoFactorPendingSecret is null)
        {
            Console.WriteLine($"Two-factor login is already off for '{username}'; nothing changed.");
            return ExitCodes.Ok;
        }

        await twoFactor.DisableAsync(user, CancellationToken.None);
        Console.WriteLine($"Two-factor login is off for '{username}': the password alone logs in now, and the recovery codes no longer work. Set it up again on the account page.");
        return ExitCodes.Ok;
    }
}

using WebOps.Auth;
using WebOps.Core.Accounts;

namespace WebOps.Cli;

/// <summary><c>webops admin create --username U [--password P] [--role admin|deployer|viewer]</c>.</summary>
public static class AdminCommand
{
    private const string Usage = "webops admin create --username U [--password P] [--role admin|deployer|viewer]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is ["reset-2fa"])
        {
            return await ResetTwoFactorCommand.RunAsync(args);
        }

        if (args.Positional is not ["create"])
        {
            throw new CliException($"Usage: {Usage}\n       {ResetTwoFactorCommand.Usage}");
        }

        var username = args.Require("--username", Usage);
        var role = RoleOption(args);
        var password = args.Get("--password");
        var generated = false;
        if (string.IsNullOrEmpty(password))
        {
            password = Console.IsInputRedirected ? null : Prompt();
            if (string.IsNullOrEmpty(password))
            {
                password = TokenHasher.NewPassword();
                generated = true;
            }
        }

        await using var app = await AdminHost.StartAsync(args);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(username, password, role, CancellationToken.None);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        Console.WriteLine($"Created user '{username}'. Role: {Roles.Name(role)}.");
        if (generated)
        {
            Console.WriteLine($"Generated password (shown once): {password}");
        }

        return 0;
    }

    /// <summary>
    /// <c>--role</c>, admin when left out: whoever runs this verb can read the data folder and so do anything already,
    /// and scripts written before roles existed expect the user they create to manage the panel.
    /// </summary>
    private static Role RoleOption(CliArgs args)
    {
        var text = args.Has("--role") ? args.Get("--role") : Roles.Name(Role.Admin);
        return Roles.TryParseRole(text, out var role)
            ? role
            : throw new CliException($"--role: '{text}' is not a role; choose one of {Roles.RoleNames}. Usage: {Usage}");
    }

    private static string Prompt()
    {
        Console.Write("Password (empty to generate one): ");
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
            {
                chars.RemoveAt(chars.Count - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}

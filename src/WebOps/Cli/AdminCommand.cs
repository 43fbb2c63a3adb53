using System.CommandLine;
using WebOps.Auth;
using WebOps.Core.Accounts;

namespace WebOps.Cli;

/// <summary><c>webops admin create --username U [--password P] [--role admin|deployer|viewer]</c>.</summary>
public static class AdminCommand
{
    private const string Usage = "webops admin create --username U [--password P] [--role admin|deployer|viewer] [--data PATH]";

    public static Verb Create()
    {
        var admin = new Verb("admin", "Manage panel users", Usage);
        admin.Subcommands.Add(CreateUser());
        admin.Subcommands.Add(ResetTwoFactorCommand.Create());
        return admin;
    }

    private static Verb CreateUser()
    {
        var create = new Verb("create", "Create a user (prompts, or generates and prints a password)", Usage);
        var username = new Option<string?>("--username") { Description = "The new user's name", HelpName = "U" };
        var password = new Option<string?>("--password") { Description = "Its password; without it, asked for (empty: generated)", HelpName = "P" };
        // Admin when left out: whoever runs this verb can read the data folder and so do anything already, and scripts
        // written before roles existed expect the user they create to manage the panel.
        var role = new Option<string?>("--role") { Description = "admin, deployer or viewer (default admin)", HelpName = "ROLE" };
        var data = CommonOptions.Data();
        create.Options.Add(username);
        create.Options.Add(password);
        create.Options.Add(role);
        create.Options.Add(data);
        CommonOptions.Require(create, username);
        create.Validators.Add(result =>
        {
            var text = result.GetValue(role) ?? Roles.Name(Role.Admin);
            if (!Roles.TryParseRole(text, out _))
            {
                result.AddError($"--role: '{text}' is not a role; choose one of {Roles.RoleNames}.");
            }
        });
        create.SetAction((result, _) =>
        {
            // The validator above refused anything that does not parse.
            var parsed = Roles.TryParseRole(result.GetValue(role) ?? Roles.Name(Role.Admin), out var r) ? r : Role.Admin;
            return RunAsync(result.GetValue(username)!, result.GetValue(password), parsed, result.GetValue(data));
        });
        return create;
    }

    private static async Task<int> RunAsync(string username, string? password, Role role, string? data)
    {
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

        await using var app = await AdminHost.StartAsync(data);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(username, password, role, CancellationToken.None);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }

        Console.WriteLine($"Created user '{username}'. Role: {Roles.Name(role)}.");
        if (generated)
        {
            Console.WriteLine($"Generated password (shown once): {password}");
        }

        return ExitCodes.Ok;
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

using System.CommandLine;
using WebOps.Auth;

namespace WebOps.Cli;

/// <summary><c>webops admin create --username U [--password P]</c>.</summary>
public static class AdminCommand
{
    public static Verb Create()
    {
        var admin = new Verb("admin", "Manage panel users", "webops admin create --username U [--password P] [--data PATH]");
        admin.Subcommands.Add(CreateUser());
        return admin;
    }

    private static Verb CreateUser()
    {
        var create = new Verb("create", "Create a user (prompts, or generates and prints a password)", "webops admin create --username U [--password P] [--data PATH]");
        var username = new Option<string?>("--username") { Description = "The new user's name", HelpName = "U" };
        var password = new Option<string?>("--password") { Description = "Its password; without it, asked for (empty: generated)", HelpName = "P" };
        var data = CommonOptions.Data();
        create.Options.Add(username);
        create.Options.Add(password);
        create.Options.Add(data);
        CommonOptions.Require(create, username);
        create.SetAction((result, _) => RunAsync(result.GetValue(username)!, result.GetValue(password), result.GetValue(data)));
        return create;
    }

    private static async Task<int> RunAsync(string username, string? password, string? data)
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
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(username, password, CancellationToken.None);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }

        Console.WriteLine($"Created user '{username}'.");
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

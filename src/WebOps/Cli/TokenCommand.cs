using System.CommandLine;
using WebOps.Auth;

namespace WebOps.Cli;

/// <summary><c>webops token create --name N</c>: prints a new API token once.</summary>
public static class TokenCommand
{
    private const string Usage = "webops token create --name N [--data PATH]";

    public static Verb Create()
    {
        var token = new Verb("token", "Manage API tokens", Usage);
        token.Subcommands.Add(CreateToken());
        return token;
    }

    private static Verb CreateToken()
    {
        var create = new Verb("create", "Create an API token and print it once (only its hash is stored)", Usage);
        var name = new Option<string?>("--name") { Description = "What the token is for, e.g. ci", HelpName = "N" };
        var data = CommonOptions.Data();
        create.Options.Add(name);
        create.Options.Add(data);
        CommonOptions.Require(create, name);
        create.SetAction((result, _) => RunAsync(result.GetValue(name)!, result.GetValue(data)));
        return create;
    }

    private static async Task<int> RunAsync(string name, string? data)
    {
        await using var app = await AdminHost.StartAsync(data);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, CancellationToken.None);
            Console.WriteLine(token);
            await Console.Error.WriteLineAsync($"Token '{name}' created. It is shown only now; use it as: Authorization: Bearer <token>");
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }
}

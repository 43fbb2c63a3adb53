using WebOps.Auth;

namespace WebOps.Cli;

/// <summary><c>webops token create --name N</c>: prints a new API token once.</summary>
public static class TokenCommand
{
    private const string Usage = "webops token create --name N";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is not ["create"])
        {
            throw new CliException($"Usage: {Usage}");
        }

        var name = args.Require("--name", Usage);
        await using var app = await AdminHost.StartAsync(args);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, CancellationToken.None);
            Console.WriteLine(token);
            await Console.Error.WriteLineAsync($"Token '{name}' created. It is shown only now; use it as: Authorization: Bearer <token>");
            return 0;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}

using WebOps.Auth;
using WebOps.Core.Accounts;

namespace WebOps.Cli;

/// <summary><c>webops token create --name N [--scope read|deploy|admin] [--expires 30d|12h|never]</c>: prints a new API token once.</summary>
public static class TokenCommand
{
    private const string Usage = "webops token create --name N [--scope read|deploy|admin] [--expires 30d|12h|never]";

    public static async Task<int> RunAsync(string[] raw)
    {
        var args = new CliArgs(raw);
        if (args.Positional is not ["create"])
        {
            throw new CliException($"Usage: {Usage}");
        }

        var name = args.Require("--name", Usage);
        var (tokenScope, lifetime) = ScopeAndLifetime(args);
        await using var app = await AdminHost.StartAsync(args);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, tokenScope, lifetime, CancellationToken.None);
            Console.WriteLine(token);
            var expires = lifetime is null ? "does not expire" : $"expires in {args.Get("--expires")}";
            await Console.Error.WriteLineAsync(
                $"Token '{name}' created with scope {Roles.Name(tokenScope)}; it {expires}. It is shown only now; use it as: Authorization: Bearer <token>");
            return 0;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>--scope</c> (admin when left out: tokens made before scopes could do everything, and scripts that create one
    /// expect that) and <c>--expires</c> (never when left out).
    /// </summary>
    private static (TokenScope Scope, TimeSpan? Lifetime) ScopeAndLifetime(CliArgs args)
    {
        var scopeText = args.Has("--scope") ? args.Get("--scope") : Roles.Name(TokenScope.Admin);
        if (!Roles.TryParseScope(scopeText, out var scope))
        {
            throw new CliException($"--scope: '{scopeText}' is not a scope; choose one of {Roles.ScopeNames}. Usage: {Usage}");
        }

        var (lifetime, error) = TokenLifetime.Parse(args.Has("--expires") ? args.Get("--expires") : "never");
        return error is null ? (scope, lifetime) : throw new CliException($"--expires: {error} Usage: {Usage}");
    }
}

using System.CommandLine;
using WebOps.Auth;
using WebOps.Core.Accounts;

namespace WebOps.Cli;

/// <summary><c>webops token create --name N [--scope read|deploy|admin] [--expires 30d|12h|never]</c>: prints a new API token once.</summary>
public static class TokenCommand
{
    private const string Usage = "webops token create --name N [--scope read|deploy|admin] [--expires 30d|12h|never] [--data PATH]";

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
        // Admin when left out: tokens made before scopes could do everything, and scripts that create one expect that.
        var scope = new Option<string?>("--scope") { Description = "What the token may do: read, deploy or admin (default admin)", HelpName = "SCOPE" };
        var expires = new Option<string?>("--expires") { Description = "Lifetime such as 30d or 12h, or never (the default)", HelpName = "WHEN" };
        var data = CommonOptions.Data();
        create.Options.Add(name);
        create.Options.Add(scope);
        create.Options.Add(expires);
        create.Options.Add(data);
        CommonOptions.Require(create, name);
        create.Validators.Add(result =>
        {
            var scopeText = result.GetValue(scope) ?? Roles.Name(TokenScope.Admin);
            if (!Roles.TryParseScope(scopeText, out _))
            {
                result.AddError($"--scope: '{scopeText}' is not a scope; choose one of {Roles.ScopeNames}.");
            }

            if (TokenLifetime.Parse(result.GetValue(expires) ?? "never").Error is { } error)
            {
                result.AddError($"--expires: {error}");
            }
        });
        create.SetAction((result, _) =>
        {
            // The validator above refused anything that does not parse.
            var tokenScope = Roles.TryParseScope(result.GetValue(scope) ?? Roles.Name(TokenScope.Admin), out var s) ? s : TokenScope.Admin;
            var expiresText = result.GetValue(expires);
            return RunAsync(result.GetValue(name)!, tokenScope, expiresText, result.GetValue(data));
        });
        return create;
    }

    private static async Task<int> RunAsync(string name, TokenScope tokenScope, string? expiresText, string? data)
    {
        var lifetime = TokenLifetime.Parse(expiresText ?? "never").Lifetime;
        await using var app = await AdminHost.StartAsync(data);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var token = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync(name, tokenScope, lifetime, CancellationToken.None);
            Console.WriteLine(token);
            var expires = lifetime is null ? "does not expire" : $"expires in {expiresText}";
            await Console.Error.WriteLineAsync(
                $"Token '{name}' created with scope {Roles.Name(tokenScope)}; it {expires}. It is shown only now; use it as: Authorization: Bearer <token>");
            return ExitCodes.Ok;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }
    }
}

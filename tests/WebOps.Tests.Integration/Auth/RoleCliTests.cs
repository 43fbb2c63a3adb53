using Microsoft.Data.Sqlite;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Auth;

/// <summary><c>webops admin create --role</c> and <c>webops token create --scope --expires</c>, run as the real executable.</summary>
public sealed class RoleCliTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), "webops-rolecli-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData("--scope", "owner", "--scope: 'owner' is not a scope; choose one of read, deploy, admin.")]
    [InlineData("--expires", "30x", "--expires: '30x' is not a lifetime; give days or hours like 30d or 12h, or never.")]
    [InlineData("--expires", "0d", "--expires: '0d' is not a lifetime;")]
    [InlineData("--expires", "4000d", "--expires: '4000d' is longer than 3650d; use never for a token that does not expire.")]
    public async Task Token_create_refuses_a_bad_option_naming_it(string option, string value, string message)
    {
        var (code, stdout, stderr) = await WebOpsCli.RunAsync("token", "create", "--name", "ci", option, value, "--data", data);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_create_refuses_an_unknown_role_naming_the_choices()
    {
        var (code, _, stderr) = await WebOpsCli.RunAsync("admin", "create", "--username", "ann", "--role", "root", "--data", data);

        Assert.Equal(2, code);
        Assert.Contains("--role: 'root' is not a role; choose one of admin, deployer, viewer.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_role_scope_and_expiry_given_are_stored()
    {
        var user = await WebOpsCli.RunAsync("admin", "create", "--username", "ann", "--password", "long-enough-pw", "--role", "viewer", "--data", data);
        Assert.True(user.ExitCode == 0, user.Stderr);
        Assert.Contains("Created user 'ann'. Role: viewer.", user.Stdout, StringComparison.Ordinal);

        var token = await WebOpsCli.RunAsync("token", "create", "--name", "ci", "--scope", "deploy", "--expires", "12h", "--data", data);
        Assert.True(token.ExitCode == 0, token.Stderr);
        Assert.Contains("Token 'ci' created with scope deploy; it expires in 12h.", token.Stderr, StringComparison.Ordinal);

        await using var db = new SqliteConnection($"Data Source={Path.Combine(data, "webops.db")}");
        await db.OpenAsync();
        Assert.Equal("Viewer", await ScalarAsync(db, "SELECT role FROM users WHERE username = 'ann'"));
        Assert.Equal("Deploy", await ScalarAsync(db, "SELECT scope FROM api_tokens WHERE name = 'ci'"));
        var expires = DateTimeOffset.Parse(await ScalarAsync(db, "SELECT expires_at FROM api_tokens WHERE name = 'ci'"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(11), TimeSpan.FromHours(12));
    }

    private static async Task<string> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

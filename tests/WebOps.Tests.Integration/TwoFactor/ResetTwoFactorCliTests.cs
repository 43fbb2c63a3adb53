using Microsoft.Data.Sqlite;
using WebOps.Tests.Integration.Infrastructure;
using static WebOps.Tests.Integration.TwoFactor.TwoFactorFlow;

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary><c>webops admin reset-2fa</c>: the way back in for a user who lost the phone and the recovery codes.</summary>
public sealed class ResetTwoFactorCliTests
{
    [Fact]
    public async Task Reset_turns_two_factor_off_so_the_password_alone_logs_in_again()
    {
        var panel = await PanelApp.StartAsync();
        var data = panel.DataFolder;
        using (var owner = await panel.LoggedInAsync())
        {
            await EnrolAsync(owner);
        }

        await panel.StopAsync();
        SqliteConnection.ClearAllPools();

        var (code, stdout, stderr) = await WebOpsCli.RunAsync("admin", "reset-2fa", "--username", PanelApp.AdminUser, "--data", data);
        var unknown = await WebOpsCli.RunAsync("admin", "reset-2fa", "--username", "nobody", "--data", data);

        await using var restarted = await PanelApp.StartInFolderAsync(data);
        Assert.True(code == 0, stderr);
        Assert.Contains($"Two-factor login is off for '{PanelApp.AdminUser}'", stdout, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("No user named 'nobody'", unknown.Stderr, StringComparison.Ordinal);
        using var client = CookieClient(restarted);
        using var login = await PasswordAsync(client);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
    }
}

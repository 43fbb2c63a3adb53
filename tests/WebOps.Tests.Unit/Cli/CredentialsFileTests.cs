using WebOps.Cli.Client;

namespace WebOps.Tests.Unit.Cli;

public sealed class CredentialsFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "webops-cred-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void The_file_is_in_the_xdg_config_folder_else_under_home()
    {
        Assert.Equal("/x/webops/credentials", CredentialsFile.PathFrom(v => v == "XDG_CONFIG_HOME" ? "/x" : "/home/u"));
        Assert.Equal("/home/u/.config/webops/credentials", CredentialsFile.PathFrom(v => v == "HOME" ? "/home/u" : null));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // file modes are what is tested; WebOps runs on Linux
    public async Task Saving_keeps_other_panels_and_puts_the_last_login_first_readable_by_the_owner_only()
    {
        var path = Path.Combine(folder, "webops", "credentials");
        await CredentialsFile.SaveAsync(path, new SavedLogin("https://a.example", "wo_a"), CancellationToken.None);
        await CredentialsFile.SaveAsync(path, new SavedLogin("https://b.example", "wo_b"), CancellationToken.None);
        await CredentialsFile.SaveAsync(path, new SavedLogin("https://a.example", "wo_a2"), CancellationToken.None);

        Assert.Equal([new SavedLogin("https://a.example", "wo_a2"), new SavedLogin("https://b.example", "wo_b")], CredentialsFile.Read(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(["credentials"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_that_is_not_json_says_how_to_rewrite_it()
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "credentials");
        File.WriteAllText(path, "token=abc");

        var e = Assert.Throws<PanelException>(() => CredentialsFile.Read(path));

        Assert.Contains("run `webops login` to write it again", e.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Text.Json;

namespace WebOps.Cli.Client;

/// <summary>
/// Where <c>webops login</c> keeps URL and token: <c>$XDG_CONFIG_HOME/webops/credentials</c>, else
/// <c>~/.config/webops/credentials</c>; JSON, one entry per panel, the last one logged into first (the default).
/// The folder is 0700 and the file 0600 from the moment it exists: it is written beside and renamed into place.
/// </summary>
public static class CredentialsFile
{
    public static string PathFrom(Func<string, string?> environment)
    {
        var config = environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(config, "webops", "credentials");
    }

    public static string Path => PathFrom(Environment.GetEnvironmentVariable);

    /// <summary>The saved logins, the default first; none when the file does not exist.</summary>
    public static IReadOnlyList<SavedLogin> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Content>(File.ReadAllText(path), ApiJson.Options)?.Panels ?? [];
        }
        catch (JsonException e)
        {
            throw new PanelException($"{path} is not a credentials file webops wrote ({e.Message}); run `webops login` to write it again.", e);
        }
    }

    /// <summary>Saves <paramref name="login"/> as the default, keeping the logins of other panels.</summary>
    public static async Task SaveAsync(string path, SavedLogin login, CancellationToken ct)
    {
        var panels = Read(path).Where(p => p.Url != login.Url).Prepend(login).ToList();
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temp, options))
            {
                await JsonSerializer.SerializeAsync(stream, new Content(panels), ApiJson.Options, ct);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private sealed record Content(List<SavedLogin> Panels);
}

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// The deployment's variables (environment, then Docker variables, which win) as a Compose env file: one
/// <c>KEY=VALUE</c> per line, written with mode 0600 so only the panel's user reads it. Compose env files have no
/// quoting for line breaks, so a value with one is refused rather than cut.
/// </summary>
public static class ComposeEnvFile
{
    /// <summary>The file's text, or the reason it cannot be written.</summary>
    public static (string? Text, string? Problem) Render(IReadOnlyDictionary<string, string> env, IReadOnlyDictionary<string, string> dockerEnv)
    {
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in env.Concat(dockerEnv))
        {
            merged[key] = value;
        }

        var lines = new List<string>();
        foreach (var (key, value) in merged)
        {
            if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                return (null, $"env_vars[{key}]: a Compose env file cannot hold a line break; put the value on one line.");
            }

            lines.Add($"{key}={value}");
        }

        return (string.Concat(lines.Select(l => l + "\n")), null);
    }

    /// <summary>Writes <paramref name="text"/> readable by the owner only; an existing file is replaced, its mode reset.</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken ct)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), ct);
    }
}

using System.Diagnostics;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>A real git repository in a temp folder, committed on branch main.</summary>
public sealed class GitRepo
{
    private GitRepo(string path) => Path = path;

    public string Path { get; }

    public string Url => "file://" + Path;

    public static async Task<GitRepo> CreateAsync(params (string File, string Content)[] files)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "webops-repo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        var repo = new GitRepo(path);
        await repo.GitAsync("init", "-q", "-b", "main");
        await repo.CommitAsync("initial", files);
        return repo;
    }

    public async Task CommitAsync(string message, params (string File, string Content)[] files)
    {
        foreach (var (file, content) in files)
        {
            var full = System.IO.Path.Combine(Path, file);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, content);
        }

        await GitAsync("add", "-A");
        await GitAsync("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message);
    }

    /// <summary>The commit the branch points at now.</summary>
    public Task<string> HeadAsync() => GitAsync("rev-parse", "HEAD");

    /// <summary>Runs git in the repository; returns its trimmed output.</summary>
    public async Task<string> GitAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var err = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed: {err}");
        }

        return (await output).Trim();
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Core.Processes;
using WebOps.Deploys;
using WebOps.Hosting;
using WebOps.Tests.Unit.Addons;

namespace WebOps.Tests.Unit.Deployments;

/// <summary>Cloning with the real git from a repository in a temporary folder.</summary>
public sealed class GitCheckoutTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-git-").FullName;
    private readonly ProcessRunner processes = new(NullLogger<ProcessRunner>.Instance);
    private readonly RecordingLog log = new();

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Clone_checks_out_the_branch_and_reports_its_commit()
    {
        var (repo, sha) = await RepositoryAsync();
        var work = Path.Combine(root, "work", "blog");

        var (path, commit) = await Checkout().CloneAsync(repo, "main", work, log, default);

        Assert.Equal(work, path);
        Assert.Equal(sha, commit);
        Assert.True(File.Exists(Path.Combine(work, "manage.py")));
        Assert.Equal($"[git] Cloning {repo} (branch main)", log.Lines[0]);
        Assert.Equal($"[git] Checked out main at {sha}", log.Lines[^1]);
    }

    [Fact]
    public async Task A_redeploy_clones_the_new_commit_afresh_and_the_previous_checkout_goes_in_the_background()
    {
        var (repo, _) = await RepositoryAsync();
        var work = Path.Combine(root, "work", "blog");
        await Checkout().CloneAsync(repo, "main", work, log, default);
        await File.WriteAllTextAsync(Path.Combine(work, "left-by-the-build.txt"), "old");
        await File.WriteAllTextAsync(Path.Combine(repo, "manage.py"), "print('second')\n");
        await GitAsync(repo, "-c", "user.name=WebOps Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-am", "second");
        var second = (await GitAsync(repo, "rev-parse", "HEAD")).Trim();

        var (_, commit) = await Checkout().CloneAsync(repo, "main", work, log, default);

        Assert.Equal(second, commit);
        Assert.Equal("print('second')\n", await File.ReadAllTextAsync(Path.Combine(work, "manage.py")));
        Assert.False(File.Exists(Path.Combine(work, "left-by-the-build.txt")));
        var trash = Path.Combine(root, "work", GitCheckoutTrash.FolderName);
        for (var i = 0; i < 300 && Directory.EnumerateFileSystemEntries(trash).Any(); i++)
        {
            await Task.Delay(100);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(trash));
    }

    [Fact]
    public async Task A_missing_branch_fails_with_the_exit_code_gits_words_and_a_hint()
    {
        var (repo, _) = await RepositoryAsync();

        var error = await Assert.ThrowsAsync<DeployFailedException>(
            () => Checkout().CloneAsync(repo, "no-such-branch", Path.Combine(root, "work", "blog"), log, default));

        Assert.StartsWith($"git clone of {repo}@no-such-branch failed (exit code 128): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-branch not found", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Hint: the branch 'no-such-branch' does not exist in the repository; check the branch name.", error.Message, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.StartsWith("[git] ", StringComparison.Ordinal) && l.Contains("not found", StringComparison.Ordinal));
    }

    private GitCheckout Checkout() => new(processes, Options.Create(new DeploymentSettings { CloneTimeout = TimeSpan.FromMinutes(1) }));

    /// <summary>A repository with one commit on <c>main</c>, made with git itself.</summary>
    private async Task<(string Repo, string Sha)> RepositoryAsync()
    {
        var repo = Path.Combine(root, "repo");
        Directory.CreateDirectory(repo);
        await File.WriteAllTextAsync(Path.Combine(repo, "manage.py"), "print('hello')\n");
        await GitAsync(repo, "init", "--quiet", "--initial-branch", "main");
        await GitAsync(repo, "add", "manage.py");
        await GitAsync(repo, "-c", "user.name=WebOps Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "first");
        var sha = (await GitAsync(repo, "rev-parse", "HEAD")).Trim();
        return (repo, sha);
    }

    private async Task<string> GitAsync(string folder, params string[] arguments)
    {
        var result = await processes.RunAsync(new ProcessRequest { Program = "git", Arguments = arguments, WorkingDirectory = folder, Timeout = TimeSpan.FromSeconds(30) }, default);
        Assert.True(result.Succeeded, $"git {string.Join(' ', arguments)}: {string.Join('\n', result.TailText())}");
        return string.Join('\n', result.TailText(OutputStream.StandardOutput));
    }
}

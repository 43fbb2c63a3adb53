using Microsoft.Extensions.Options;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>Shallow-clones a deployment's branch into its work folder and reports the commit.</summary>
public sealed class GitCheckout(IOptions<DeploymentSettings> settings)
{
    public async Task<(string Path, string CommitSha)> CloneAsync(
        string repoUrl, string branch, string workFolder, RunLog log, CancellationToken ct)
    {
        if (Directory.Exists(workFolder))
        {
            Directory.Delete(workFolder, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(workFolder)!);
        log.Info("git", $"Cloning {repoUrl} (branch {branch})");
        string[] args =
        [
            "-c", "protocol.ext.allow=never", "-c", "core.hooksPath=/dev/null",
            "clone", "--depth", "1", "--single-branch", "--no-tags", "--branch", branch, "--", repoUrl, workFolder,
        ];
        var env = new Dictionary<string, string>
        {
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
            ["GIT_ALLOW_PROTOCOL"] = "https:http:ssh:git:file",
        };
        var result = await ProcessRunner.RunAsync("git", args, null, env, line => log.Info("git", line), settings.Value.CloneTimeout, ct);
        if (result.TimedOut)
        {
            throw new DeployFailedException(
                $"git clone of {repoUrl}@{branch} timed out after {settings.Value.CloneTimeout.TotalSeconds:0} s. " +
                "Check that the host answers, or raise Deployments:CloneTimeout.");
        }

        if (result.ExitCode != 0)
        {
            throw new DeployFailedException(
                $"git clone of {repoUrl}@{branch} failed (exit code {result.ExitCode}): {LastLines(result.Output)} {Hint(result.Output, branch)}");
        }

        var sha = await ProcessRunner.RunAsync("git", ["-C", workFolder, "rev-parse", "HEAD"], null, env, null, TimeSpan.FromSeconds(30), ct);
        var commit = sha.Output.Trim();
        log.Info("git", $"Checked out {branch} at {commit}");
        return (workFolder, commit);
    }

    private static string LastLines(string output) =>
        string.Join(" ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));

    /// <summary>Turns git's complaint into the next step for the user.</summary>
    public static string Hint(string output, string branch)
    {
        var o = output.ToLowerInvariant();
        if (o.Contains("remote branch", StringComparison.Ordinal) && o.Contains("not found", StringComparison.Ordinal))
        {
            return $"Hint: the branch '{branch}' does not exist in the repository; check the branch name.";
        }

        if (o.Contains("authentication failed", StringComparison.Ordinal) || o.Contains("could not read username", StringComparison.Ordinal)
            || o.Contains("permission denied (publickey)", StringComparison.Ordinal) || o.Contains("terminal prompts disabled", StringComparison.Ordinal))
        {
            return "Hint: the repository needs credentials; use a deploy key (ssh) or a token in the https URL.";
        }

        if (o.Contains("not found", StringComparison.Ordinal) || o.Contains("does not exist", StringComparison.Ordinal)
            || o.Contains("does not appear to be a git repository", StringComparison.Ordinal))
        {
            return "Hint: no repository answers at that URL; check repo_url.";
        }

        if (o.Contains("could not resolve host", StringComparison.Ordinal) || o.Contains("connection refused", StringComparison.Ordinal))
        {
            return "Hint: the git host cannot be reached from this server; check the URL and the network.";
        }

        return "Hint: check repo_url and branch.";
    }
}

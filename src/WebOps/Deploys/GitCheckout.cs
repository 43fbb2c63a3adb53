using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>
/// Shallow-clones a deployment's branch into its work folder and reports the commit. Always a fresh clone: a checkout
/// a build or hook may have written to (its .git included) is never reused.
/// </summary>
public sealed class GitCheckout(ProcessRunner processes, IOptions<DeploymentSettings> settings)
{
    private const string Source = "git";

    /// <summary>Without a terminal prompt, with ssh in batch mode and only network protocols plus file.</summary>
    private static readonly Dictionary<string, string> GitEnvironment = new(StringComparer.Ordinal)
    {
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o StrictHostKeyChecking=accept-new",
        ["GIT_ALLOW_PROTOCOL"] = "https:http:ssh:git:file",
    };

    public async Task<(string Path, string CommitSha)> CloneAsync(
        string repoUrl, string branch, string workFolder, IDeploymentLog log, CancellationToken ct)
    {
        if (Directory.Exists(workFolder))
        {
            // Not awaited: the old tree goes in the background while git clones (see GitCheckoutTrash).
            _ = GitCheckoutTrash.SetAside(workFolder);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(workFolder)!);
        log.Write(DeploymentLogLevel.Info, Source, $"Cloning {repoUrl} (branch {branch})");
        string[] args =
        [
            "-c", "protocol.ext.allow=never", "-c", "core.hooksPath=/dev/null",
            "clone", "--depth", "1", "--single-branch", "--no-tags", "--branch", branch, "--", repoUrl, workFolder,
        ];
        var timeout = settings.Value.CloneTimeout;
        var result = await RunGitAsync(args, timeout, line => log.Write(DeploymentLogLevel.Info, Source, line.Text), ct);
        if (result.TimedOut)
        {
            throw new DeployFailedException(
                $"git clone of {repoUrl}@{branch} timed out after {timeout.TotalSeconds:0} s. " +
                "Check that the host answers, or raise Deployments:CloneTimeout.");
        }

        var output = string.Join('\n', result.TailText());
        if (result.ExitCode != 0)
        {
            throw new DeployFailedException(
                $"git clone of {repoUrl}@{branch} failed (exit code {result.ExitCode}): {LastLines(output)} {Hint(output, branch)}");
        }

        var commit = GitHead.TryRead(workFolder) ?? await RevParseHeadAsync(workFolder, ct);
        log.Write(DeploymentLogLevel.Info, Source, $"Checked out {branch} at {commit}");
        return (workFolder, commit);
    }

    private async Task<string> RevParseHeadAsync(string workFolder, CancellationToken ct)
    {
        var sha = await RunGitAsync(["-C", workFolder, "rev-parse", "HEAD"], TimeSpan.FromSeconds(30), null, ct);
        var commit = string.Concat(sha.TailText(OutputStream.StandardOutput)).Trim();
        if (!sha.Succeeded || commit.Length == 0)
        {
            throw new DeployFailedException(
                $"git rev-parse HEAD in {workFolder} found no commit (exit code {sha.ExitCode}): {LastLines(string.Join('\n', sha.TailText()))} "
                + "Hint: the clone looks incomplete; redeploy, and check free disk space if it happens again.");
        }

        return commit;
    }

    private async Task<ProcessResult> RunGitAsync(string[] args, TimeSpan timeout, Action<OutputLine>? onLine, CancellationToken ct)
    {
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(
                new ProcessRequest { Program = "git", Arguments = args, Environment = GitEnvironment, Timeout = timeout, OnLine = onLine },
                ct);
        }
        catch (ProcessStartException e)
        {
            throw new DeployFailedException($"git could not be started: {e.Reason} Install git on the server (e.g. apt-get install git).", e);
        }

        if (result.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        return result;
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

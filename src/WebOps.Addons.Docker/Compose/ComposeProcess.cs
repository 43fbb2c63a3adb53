using Microsoft.Extensions.Options;
using WebOps.Core.Processes;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// Runs one Compose CLI command as a process with an argument list. The child gets a clean environment (PATH, HOME,
/// the Docker address): the deployment's variables reach it only through the env file, the panel's own never.
/// </summary>
public sealed class ComposeProcess(ProcessRunner runner, IOptions<DockerOptions> options)
{
    public async Task<ProcessResult> RunAsync(
        ComposeCli cli, IReadOnlyList<string> arguments, string folder, TimeSpan timeout, Action<OutputLine>? onLine, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = folder,
            ["DOCKER_HOST"] = options.Value.Endpoint,
        };
        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is { Length: > 0 } api)
        {
            environment["DOCKER_API_VERSION"] = api;
        }

        return await runner.RunAsync(
            new ProcessRequest
            {
                Program = cli.Program,
                Arguments = arguments,
                WorkingDirectory = folder,
                InheritEnvironment = false,
                Environment = environment,
                Timeout = timeout,
                OnLine = onLine,
                TailLines = 30,
            },
            ct);
    }

    /// <summary>The message of a failed command: what ran, its exit code and its last lines.</summary>
    public static string Failure(string what, ProcessResult result) =>
        $"{what} failed ({(result.TimedOut ? "time limit reached" : $"exit code {result.ExitCode}")}): {string.Join(" | ", result.TailText().TakeLast(8))}";
}

using System.Diagnostics;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Compose;

/// <summary>
/// A test that needs the Docker engine and a Compose CLI (<c>docker compose</c> or <c>docker-compose</c>). Skipped
/// with the reason when either is missing, unless <c>WEBOPS_REQUIRE_DOCKER=1</c>: then it runs and fails loudly.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ComposeFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> CliAnswers = new(() => Answers("docker", "compose", "version") || Answers("docker-compose", "version", "--short"));

    public ComposeFactAttribute()
    {
        if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (Environment.GetEnvironmentVariable("WEBOPS_REQUIRE_DOCKER") != "1" && !CliAnswers.Value)
        {
            Skip = "No Compose CLI (docker compose or docker-compose); run scripts/install-test-deps.sh, or set WEBOPS_REQUIRE_DOCKER=1 to fail instead of skipping.";
        }
    }

    private static bool Answers(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true });
            return process!.WaitForExit(20_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

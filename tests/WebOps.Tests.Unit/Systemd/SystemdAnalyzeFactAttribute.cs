namespace WebOps.Tests.Unit.Systemd;

/// <summary>
/// A test that needs <c>systemd-analyze</c>. Skipped with a reason where it is missing, unless
/// WEBOPS_REQUIRE_DOCKER=1 (CI), where a missing tool must fail the run instead of hiding the check.
/// </summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (SystemdAnalyze.Path is null && Environment.GetEnvironmentVariable("WEBOPS_REQUIRE_DOCKER") != "1")
        {
            Skip = "systemd-analyze is not installed (package systemd; scripts/install-test-deps.sh installs it).";
        }
    }
}

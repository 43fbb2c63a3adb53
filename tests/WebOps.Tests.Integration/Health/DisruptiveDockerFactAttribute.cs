using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Health;

/// <summary>A Docker test that disturbs the engine for everyone (e.g. restarts dockerd): runs only with WEBOPS_DISRUPTIVE_TESTS=1.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DisruptiveDockerFactAttribute : FactAttribute
{
    public DisruptiveDockerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("WEBOPS_DISRUPTIVE_TESTS") != "1")
        {
            Skip = "Restarts the Docker daemon, which disturbs other tests; set WEBOPS_DISRUPTIVE_TESTS=1 to run it (the test script does).";
        }
        else if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

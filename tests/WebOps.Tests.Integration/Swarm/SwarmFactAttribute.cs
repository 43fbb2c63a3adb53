using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// A test on the two-node Swarm test cluster (scripts/swarm-test-cluster.sh), which needs root to create network
/// namespaces. Skipped with the reason when not root or no Docker engine answers, unless <c>WEBOPS_REQUIRE_DOCKER=1</c>:
/// then it runs and fails loudly (CI sets that and runs as root).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SwarmFactAttribute : FactAttribute
{
    public SwarmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("WEBOPS_REQUIRE_DOCKER") == "1")
        {
            return;
        }

        if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
        else if (Environment.UserName != "root")
        {
            Skip = "The Swarm test cluster creates network namespaces and engines: run as root, or set WEBOPS_REQUIRE_DOCKER=1 to fail instead of skipping.";
        }
    }
}

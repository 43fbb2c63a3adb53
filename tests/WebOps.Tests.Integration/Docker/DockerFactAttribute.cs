namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// A test that needs a Docker engine. When none answers it is skipped with the reason, unless
/// <c>WEBOPS_REQUIRE_DOCKER=1</c>, in which case it runs and fails loudly (CI sets that).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerAvailability.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

using Docker.DotNet;

namespace WebOps.Tests.Integration.Docker;

/// <summary>Asks the engine once per test run whether it answers.</summary>
public static class DockerAvailability
{
    private static readonly Lazy<string?> Reason = new(Probe);

    public static string Endpoint =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    /// <summary>Null when Docker tests should run.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Probe()
    {
        if (Environment.GetEnvironmentVariable("WEBOPS_REQUIRE_DOCKER") == "1")
        {
            return null;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var client = new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build();
            client.System.PingAsync(timeout.Token).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e)
        {
            return $"No Docker engine answers at {Endpoint} ({e.GetBaseException().Message}); set WEBOPS_REQUIRE_DOCKER=1 to fail instead of skipping.";
        }
    }
}

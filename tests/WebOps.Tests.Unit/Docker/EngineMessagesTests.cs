using System.Net.Sockets;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.Docker;

public sealed class EngineMessagesTests
{
    [Fact]
    public void Permission_denied_on_the_socket_says_how_to_get_access()
    {
        var failure = new HttpRequestException("Connection failed.", new SocketException((int)SocketError.AccessDenied));

        Assert.True(EngineErrors.IsTransportFailure(failure));
        Assert.Equal(
            "Docker is not available: permission denied on /var/run/docker.sock: run WebOps as root or add its user to the docker group.",
            EngineErrors.Unreachable(failure, "unix:///var/run/docker.sock").Message);
    }

    [Fact]
    public void A_refused_tcp_endpoint_names_the_cause()
    {
        var failure = new HttpRequestException("Connection failed.", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(
            $"Docker is not available: cannot reach the Docker engine at tcp://127.0.0.1:2375: {new SocketException((int)SocketError.ConnectionRefused).Message}. Install Docker or start the daemon.",
            EngineErrors.Unreachable(failure, "tcp://127.0.0.1:2375").Message);
    }

    [Fact]
    public void Engine_answers_are_not_transport_failures()
    {
        Assert.False(EngineErrors.IsTransportFailure(new global::Docker.DotNet.DockerApiException(System.Net.HttpStatusCode.Conflict, "{}")));
        Assert.False(EngineErrors.IsTransportFailure(new OperationCanceledException()));
    }

    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.12", "1.12")]
    [InlineData("1.99", "1.51")]
    [InlineData("nonsense", "1.51")]
    [InlineData(null, "1.51")]
    public void Api_version_is_the_lower_of_the_engines_and_ours(string? engine, string expected) =>
        Assert.Equal(expected, DockerEngine.Negotiate(engine).ToString(2));

    [Fact]
    public void Engine_version_reads_as_the_requirement_check_shows_it() =>
        Assert.Equal(
            "Docker engine 20.10.24 answers at unix:///var/run/docker.sock (API 1.41)",
            new EngineVersion("unix:///var/run/docker.sock", "20.10.24", "1.41", new System.Version(1, 41)).ToString());

    [Fact]
    public void Log_lines_lose_the_engines_timestamp_prefix_into_the_time_field()
    {
        var line = TimestampedLine.Parse("stderr", "2024-05-01T10:00:00.123456789Z Booting worker with pid: 7");

        Assert.Equal("stderr", line.Stream);
        Assert.Equal("Booting worker with pid: 7", line.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), line.Time);
        Assert.Equal(new RuntimeLogLine(null, "stdout", "no stamp here"), TimestampedLine.Parse("stdout", "no stamp here"));
    }

    [Fact]
    public void Cpu_and_memory_are_computed_like_docker_stats()
    {
        var sample = new ContainerStatsResponse
        {
            CPUStats = new CPUStats { CPUUsage = new CPUUsage { TotalUsage = 3_000 }, SystemUsage = 20_000, OnlineCPUs = 2 },
            PreCPUStats = new CPUStats { CPUUsage = new CPUUsage { TotalUsage = 1_000 }, SystemUsage = 10_000 },
            MemoryStats = new MemoryStats { Usage = 50_000, Limit = 1_000_000, Stats = new Dictionary<string, ulong> { ["total_inactive_file"] = 10_000 } },
        };

        Assert.Equal(new ContainerStats(40, 40_000, 1_000_000), ContainerStats.From(sample));
    }
}

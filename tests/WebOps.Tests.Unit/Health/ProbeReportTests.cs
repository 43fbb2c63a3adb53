using System.Net.Sockets;
using WebOps.Core.Deployments;
using WebOps.Core.Health;

namespace WebOps.Tests.Unit.Health;

public class ProbeReportTests
{
    [Fact]
    public void Server_error_without_expected_status_is_unhealthy_with_status_and_time()
    {
        var r = ProbeReport.Answered("/", 503, TimeSpan.FromMilliseconds(12.7), expected: null);

        Assert.Equal(HealthState.Unhealthy, r.Status);
        Assert.Equal("GET / answered 503 in 12 ms (a server error)", r.Message);
        Assert.Equal(HealthSources.Probe, r.Source);
        Assert.Equal(503, r.Metrics["status_code"]);
        Assert.Equal(12L, r.Metrics["duration_ms"]);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(404)]
    [InlineData(499)]
    public void Any_status_below_500_is_healthy_when_none_is_expected(int status)
    {
        var r = ProbeReport.Answered("/", status, TimeSpan.FromMilliseconds(3), expected: null);

        Assert.Equal(HealthState.Healthy, r.Status);
        Assert.Equal($"GET / answered {status} in 3 ms", r.Message);
    }

    [Fact]
    public void Other_status_than_the_expected_one_is_unhealthy_and_names_both()
    {
        var r = ProbeReport.Answered("/health", 404, TimeSpan.FromMilliseconds(5), expected: 200);

        Assert.Equal(HealthState.Unhealthy, r.Status);
        Assert.Equal("GET /health answered 404 in 5 ms (expected 200)", r.Message);
    }

    [Fact]
    public void Expected_status_counts_even_when_it_is_a_server_error()
    {
        Assert.Equal(HealthState.Healthy, ProbeReport.Answered("/", 503, TimeSpan.Zero, expected: 503).Status);
    }

    [Fact]
    public void Refused_connection_reports_cause_and_seconds()
    {
        var error = new HttpRequestException("Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

        var r = ProbeReport.Failed("/", TimeSpan.FromSeconds(2.04), ProbeReport.DescribeError(error, TimeSpan.FromSeconds(5)));

        Assert.Equal(HealthState.Unhealthy, r.Status);
        Assert.Equal("GET / failed after 2.0 s: connection refused", r.Message);
        Assert.Null(r.Metrics["status_code"]);
    }

    [Fact]
    public void Timeout_reports_the_limit()
    {
        var cause = ProbeReport.DescribeError(new TaskCanceledException("cancelled"), TimeSpan.FromSeconds(5));

        Assert.Equal("GET /slow failed after 5.0 s: no answer within 5.0 s", ProbeReport.Failed("/slow", TimeSpan.FromSeconds(5), cause).Message);
    }

    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(999.9, "999 ms")]
    [InlineData(1000, "1.0 s")]
    [InlineData(12345, "12.3 s")]
    public void Durations_are_milliseconds_below_a_second_else_seconds(double ms, string expected)
    {
        Assert.Equal(expected, ProbeReport.Duration(TimeSpan.FromMilliseconds(ms)));
    }
}

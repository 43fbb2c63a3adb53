using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Auth;
using WebOps.Core.Accounts;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Metrics;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_need_a_read_token_and_parse_strictly_with_each_deployment_status_and_its_failed_deploy()
    {
        await using var panel = await PanelApp.StartAsync("--Health:Interval=00:05:00", "--Usage:Enabled=false");
        using var admin = await panel.WithTokenAsync();
        var name = "m-" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/deployments", new { name, repo_url = "file:///nonexistent/repo" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var reader = panel.Anonymous();
        reader.DefaultRequestHeaders.Authorization = new("Bearer", await ReadTokenAsync(panel));

        var anonymous = await panel.Anonymous().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        IReadOnlyList<PrometheusText.Sample> samples = [];
        var text = "";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Value(samples, "webops_deploys_total", ("deployment", name), ("result", "failed")) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "no failed deploy counted within 60 s:\n" + string.Join('\n', samples));
            await Task.Delay(250);
            var response = await reader.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            text = await response.Content.ReadAsStringAsync();
            samples = PrometheusText.Parse(text);
        }

        Assert.Equal(samples.Count, await ReferenceParser.CountSamplesAsync(text));

        Assert.Equal(1, Value(samples, "webops_deploys_total", ("deployment", name), ("result", "failed")));
        Assert.Equal(1, Value(samples, "webops_deploy_duration_seconds_count", ("deployment", name), ("result", "failed")));
        Assert.Equal(1, Value(samples, "webops_deployment_status", ("deployment", name), ("status", "failed")));
        Assert.Equal(0, Value(samples, "webops_deployment_status", ("deployment", name), ("status", "running")));
        Assert.Equal(1, Value(samples, "webops_deployment_health", ("deployment", name), ("health", "unknown")));
        Assert.DoesNotContain(samples, s => s.Name == "webops_deployment_memory_bytes" && s.Labels["deployment"] == name);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/deployments/{name}")).StatusCode);
        var after = PrometheusText.Parse(await reader.GetStringAsync("/metrics"));
        Assert.DoesNotContain(after, s => s.Name == "webops_deployment_status" && s.Labels["deployment"] == name);
    }

    [Fact]
    public void The_strict_reader_refuses_what_a_scraper_would()
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse("webops_x 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE webops_x gauge\nwebops_x{a=\"1\"} 1\nwebops_x{a=\"1\"} 2\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE webops_x gauge\nwebops_x{a=\"\\t\"} 1\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE webops_x gauge\nwebops_x one\n"));
        Assert.Throws<FormatException>(() => PrometheusText.Parse("# TYPE webops_x gauge\nwebops_x 1"));
        Assert.Single(PrometheusText.Parse("# HELP webops_x X.\n# TYPE webops_x gauge\nwebops_x{a=\"q\\\"\"} 1.5e3\n"));
    }

    [Fact]
    public async Task The_reference_parser_refuses_a_broken_exposition()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReferenceParser.CountSamplesAsync("# TYPE webops_x gauge\nwebops_x{a=\"1} 1\n"));
        Assert.Equal(1, await ReferenceParser.CountSamplesAsync("# TYPE webops_x gauge\nwebops_x{a=\"1\"} 1\n"));
    }

    internal static double? Value(IReadOnlyList<PrometheusText.Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.FirstOrDefault(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))?.Value;

    internal static async Task<string> ReadTokenAsync(PanelApp panel)
    {
        await using var scope = panel.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateTokenAsync("scraper-" + Guid.NewGuid().ToString("N")[..6], TokenScope.Read, lifetime: null, CancellationToken.None);
    }
}

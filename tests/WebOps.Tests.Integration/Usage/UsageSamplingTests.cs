using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Data;
using WebOps.Tests.Integration.Browser;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Metrics;
using WebOps.Usage;

namespace WebOps.Tests.Integration.Usage;

/// <summary>The sampler on a real container: samples accumulate, roll up into five-minute rows, and reach /metrics.</summary>
public sealed class UsageSamplingTests
{
    [DockerFact]
    public async Task A_running_container_gathers_samples_that_roll_up_and_show_in_metrics()
    {
        var name = "u-" + Guid.NewGuid().ToString("N")[..8];
        var repo = await GitRepo.CreateAsync(
            ("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY index.html /www/index.html\nEXPOSE 8080\nCMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/www\"]\n"),
            ("index.html", "usage test page"));
        await using var panel = await PanelApp.StartAsync("--Usage:Interval=00:00:01", "--Health:Interval=00:05:00");
        try
        {
            using var api = await panel.WithTokenAsync();
            var created = await api.PostAsJsonAsync("/api/deployments", new { name, repo_url = repo.Url, project_type = "static", port = 8080, use_docker = true });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

            var usage = await WaitForAsync(api, name, u => u.GetProperty("points").GetProperty("time").GetArrayLength() >= 3, "three samples");

            Assert.Equal("1h", usage.GetProperty("range").GetString());
            Assert.Equal(1, usage.GetProperty("step_seconds").GetInt32());
            Assert.Equal(JsonValueKind.Null, usage.GetProperty("not_sampled").ValueKind);
            var latest = usage.GetProperty("latest");
            Assert.True(latest.GetProperty("memory_bytes").GetInt64() > 0, latest.ToString());
            Assert.True(latest.GetProperty("cpu_percent").GetDouble() >= 0, latest.ToString());
            var times = usage.GetProperty("points").GetProperty("time").EnumerateArray().Select(t => t.GetInt64()).ToList();
            Assert.Equal(times.Order(), times);
            Assert.Contains(usage.GetProperty("points").GetProperty("net_rx_bytes_per_second").EnumerateArray(), v => v.ValueKind == JsonValueKind.Number);

            // The five-minute rows, as the sampler stores them when a bucket completes: here, ten minutes on.
            await using (var scope = panel.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
                Assert.True(await UsageStore.RollupAsync(db, DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(), CancellationToken.None) >= 1);
            }

            var month = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/usage?range=30d");
            Assert.Equal(300, month.GetProperty("step_seconds").GetInt32());
            Assert.True(month.GetProperty("points").GetProperty("memory_bytes").EnumerateArray().All(m => m.GetInt64() > 0), month.ToString());
            Assert.True(month.GetProperty("points").GetProperty("time").GetArrayLength() >= 1, month.ToString());

            var refused = await api.GetAsync($"/api/deployments/{name}/usage?range=7d");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal("must be one of 1h, 24h, 30d, e.g. range=24h", errors.GetProperty("range")[0].GetString());
            Assert.Equal(HttpStatusCode.Unauthorized, (await panel.Anonymous().GetAsync($"/api/deployments/{name}/usage")).StatusCode);

            using var reader = panel.Anonymous();
            reader.DefaultRequestHeaders.Authorization = new("Bearer", await MetricsEndpointTests.ReadTokenAsync(panel));
            var samples = PrometheusText.Parse(await reader.GetStringAsync("/metrics"));
            Assert.True(MetricsEndpointTests.Value(samples, "webops_deployment_memory_bytes", ("deployment", name)) > 0);
            Assert.NotNull(MetricsEndpointTests.Value(samples, "webops_deployment_cpu_percent", ("deployment", name)));
            Assert.Equal(0, MetricsEndpointTests.Value(samples, "webops_deployment_oom_killed", ("deployment", name)));
            Assert.Equal(0, MetricsEndpointTests.Value(samples, "webops_deployment_restarts", ("deployment", name)));
            Assert.Equal(1, MetricsEndpointTests.Value(samples, "webops_deploys_total", ("deployment", name), ("result", "succeeded")));
            Assert.True(MetricsEndpointTests.Value(samples, "webops_hook_duration_seconds_count", ("event", "post_deployment"), ("addon", "docker")) >= 1);
        }
        finally
        {
            await DockerCleanup.RemoveAsync(name);
        }
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient api, string name, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(4);
        JsonElement last;
        do
        {
            last = await api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/usage");
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{name} never had {what}; last usage {last}; deployment {await api.GetStringAsync($"/api/deployments/{name}")}");
        return last;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>A panel with Swarm on whose engine is the test cluster's manager, and the calls the cluster tests share.</summary>
internal static class ClusterTestPanel
{
    public static Task<PanelApp> StartAsync() =>
        PanelApp.StartAsync($"--Docker:Endpoint={SwarmClusterFixture.ManagerEndpoint}", "--Swarm:Enabled=true");

    public static DockerClient Engine(string endpoint) => new DockerClientBuilder().WithEndpoint(new Uri(endpoint)).Build();

    public static async Task<JsonElement> GetAsync(HttpClient api, string path)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> SendAsync(HttpClient api, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The nodes by hostname, as GET /api/cluster/nodes lists them.</summary>
    public static async Task<Dictionary<string, JsonElement>> NodesAsync(HttpClient api) =>
        (await GetAsync(api, "/api/cluster/nodes")).EnumerateArray().ToDictionary(n => n.GetProperty("hostname").GetString()!);

    /// <summary>Polls <paramref name="condition"/> every 0.5 s until it holds; fails with <paramref name="what"/> and the last state seen.</summary>
    public static async Task WaitForAsync(string what, TimeSpan limit, Func<Task<(bool Done, string Seen)>> condition)
    {
        var deadline = DateTime.UtcNow + limit;
        var seen = "";
        while (DateTime.UtcNow < deadline)
        {
            (var done, seen) = await condition();
            if (done)
            {
                return;
            }

            await Task.Delay(500);
        }

        Assert.Fail($"{what} did not happen within {limit.TotalSeconds} s; last seen: {seen}");
    }
}

using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Api;

/// <summary>Walks the whole route table: only the health check and the two login steps answer strangers.</summary>
public sealed class RouteAuthTests : IAsyncLifetime
{
    private static readonly HashSet<string> Public = ["/healthz", "/login", "/login/code"];
    private PanelApp panel = null!;

    public async Task InitializeAsync() => panel = await PanelApp.StartAsync();

    public async Task DisposeAsync() => await panel.DisposeAsync();

    [Fact]
    public async Task Every_route_except_health_and_login_refuses_anonymous_requests()
    {
        var routes = panel.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m, Path: Concrete(e.RoutePattern.RawText ?? "/"))))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 15, $"only {routes.Count} routes found");

        using var client = panel.Anonymous();
        var leaks = new List<string>();
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PATCH" or "PUT")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            // /metrics is for scrapers, not browsers: it answers 401 like the API.
            var refused = path.StartsWith("/api", StringComparison.Ordinal) || path == "/metrics"
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/login", StringComparison.Ordinal)
                  || (method != "GET" && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized);
            if (Public.Contains(path))
            {
                continue;
            }

            if (!refused)
            {
                leaks.Add($"{method} {path} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(leaks);
    }

    [Fact]
    public async Task Health_check_answers_without_login()
    {
        using var client = panel.Anonymous();
        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_refuses_a_wrong_token_and_accepts_a_created_one()
    {
        using var stranger = panel.Anonymous();
        stranger.DefaultRequestHeaders.Authorization = new("Bearer", "wo_not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/deployments")).StatusCode);

        using var client = await panel.WithTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/deployments")).StatusCode);
    }

    private static string Concrete(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", "x");
        return path.StartsWith('/') ? path : "/" + path;
    }
}

namespace WebOps.Metrics;

/// <summary><c>GET /metrics</c>: the Prometheus text format, for a token with scope read (see RoutePermissions).</summary>
public static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IServiceCollection AddPanelMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PanelMetrics>();
        services.AddSingleton<DeploymentGauges>();
        services.AddHostedService<MeterBridge>();
        return services;
    }

    public static IEndpointRouteBuilder MapPanelMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", ScrapeAsync).WithTags("Metrics").ExcludeFromDescription();
        return app;
    }

    private static async Task ScrapeAsync(HttpContext http, PanelMetrics metrics, DeploymentGauges gauges, CancellationToken ct)
    {
        await gauges.RefreshAsync(ct);
        http.Response.ContentType = ContentType;
        await metrics.Registry.CollectAndExportAsTextAsync(http.Response.Body, ct);
    }
}

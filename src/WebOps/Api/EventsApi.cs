using System.Text.Json;
using Microsoft.Extensions.Options;
using WebOps.Deploys;

namespace WebOps.Api;

/// <summary>Server-Sent Events: live log lines and status changes, for one deployment or all.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", (HttpContext http, LiveEvents live, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
            StreamAsync(http, live, null, json.Value.SerializerOptions)).WithTags("Events");
        app.MapGet("/api/deployments/{name}/events", (string name, HttpContext http, LiveEvents live, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) =>
            StreamAsync(http, live, name, json.Value.SerializerOptions)).WithTags("Events");
        return app;
    }

    private static async Task StreamAsync(HttpContext http, LiveEvents live, string? deployment, JsonSerializerOptions options)
    {
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var ct = http.RequestAborted;
        await http.Response.WriteAsync(": connected\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            await foreach (var e in live.SubscribeAsync(deployment, ct))
            {
                var data = JsonSerializer.Serialize(e.Data, options);
                await http.Response.WriteAsync($"event: {e.Kind}\ndata: {data}\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away.
        }
    }
}

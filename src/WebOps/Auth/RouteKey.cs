using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WebOps.Auth;

/// <summary>
/// One thing a request can reach, as the permission table names it: an endpoint by method and route pattern
/// (<c>POST /api/deployments/{name}/deploy</c>), or a Razor page by its path and handler
/// (<c>POST /Deployments/Detail Deploy</c>).
/// </summary>
public sealed record RouteKey(bool IsPage, string Method, string Route, string? Handler = null)
{
    public static RouteKey Api(string method, string route) => new(false, method, Normal(route));

    public static RouteKey Page(string page, string method = "GET", string? handler = null) => new(true, method, page, handler);

    /// <summary>
    /// The key of a request that reached <paramref name="endpoint"/>. A page's handler is chosen the way Razor Pages
    /// chooses it (the <c>handler</c> route value, else the first <c>handler</c> query value; HEAD runs the GET
    /// handler), so the key names the handler that will run.
    /// </summary>
    public static RouteKey? Of(Endpoint endpoint, HttpRequest request)
    {
        if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
        {
            var handler = request.RouteValues["handler"]?.ToString() is { Length: > 0 } routed
                ? routed
                : request.Query.TryGetValue("handler", out var values) ? values[0] : null;
            var method = HttpMethods.IsHead(request.Method) ? "GET" : request.Method.ToUpperInvariant();
            return Page(page.ViewEnginePath, method, handler);
        }

        return endpoint is RouteEndpoint route ? Api(request.Method.ToUpperInvariant(), route.RoutePattern.RawText ?? "/") : null;
    }

    /// <summary>Handler names match in any case, as Razor Pages matches them.</summary>
    public string Lookup => $"{(IsPage ? "page" : "api")} {Method} {Route} {Handler?.ToUpperInvariant()}";

    /// <summary>"/api/deployments/" and "api/deployments" are the same route.</summary>
    private static string Normal(string route) => "/" + route.Trim('/');

    public override string ToString() => IsPage
        ? $"page {Route} {Method}{(Handler is null ? "" : " " + Handler)}"
        : $"{Method} {Route}";
}

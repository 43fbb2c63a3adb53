using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Auth;

namespace WebOps.Tests.Integration.Security;

/// <summary>
/// One request the panel can answer: an endpoint and method, or a page handler, with a URL that reaches it, read
/// from the running panel's own route table (so a new route is walked without anyone listing it here).
/// </summary>
public sealed partial record RouteProbe(RouteKey Key, string Method, string Url, bool AnonymousInCode, bool Reveal)
{
    public override string ToString() => $"{Key}{(Reveal ? " ?reveal=true" : "")}";

    public static async Task<IReadOnlyList<RouteProbe>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var probes = new List<RouteProbe>();
        var pages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var path = Concrete(endpoint.RoutePattern.RawText ?? "/");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page has one endpoint per route (the index page two); its handlers are what a request picks.
                if (!pages.Add(page.ViewEnginePath))
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
                    probes.AddRange(WithReveal(new(RouteKey.Page(page.ViewEnginePath, method, handler.Name), method, url, anonymous, false)));
                }

                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                probes.AddRange(WithReveal(new(RouteKey.Api(method, endpoint.RoutePattern.RawText ?? "/"), method, path, anonymous, false)));
            }
        }

        return probes;
    }

    /// <summary>A route whose rule guards secrets is also asked with <c>reveal=true</c>.</summary>
    private static IEnumerable<RouteProbe> WithReveal(RouteProbe probe)
    {
        yield return probe;
        if (RoutePermissions.Find(probe.Key)?.RevealNeeds is not null)
        {
            yield return probe with { Url = probe.Url + (probe.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "reveal=true", Reveal = true };
        }
    }

    /// <summary>A URL that matches the pattern: integers for <c>:int</c> parameters, a name that exists nowhere otherwise.</summary>
    private static string Concrete(string pattern)
    {
        var path = Parameter().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "999999" : "no-such-thing");
        return path.StartsWith('/') ? path : "/" + path;
    }

    [GeneratedRegex("\\{[^}]+\\}")]
    private static partial Regex Parameter();
}

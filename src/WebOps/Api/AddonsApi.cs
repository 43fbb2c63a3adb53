using WebOps.Core.Addons;
using WebOps.Core.Hooks;

namespace WebOps.Api;

/// <summary>Addons and the resolved hook order under <c>/api/addons</c>.</summary>
public static class AddonsApi
{
    public static IEndpointRouteBuilder MapAddonsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/addons").WithTags("Addons");
        api.MapGet("/", (AddonRegistry registry) => TypedResults.Ok(registry.Addons.Select(a => AddonDto.From(a, registry.IsEnabled(a.Name)))));
        api.MapGet("/hooks", (AddonRegistry registry) => TypedResults.Ok(HookOrder(registry)));
        api.MapPost("/{name}/enable", (string name, AddonRegistry registry, CancellationToken ct) => SetAsync(registry, name, true, ct));
        api.MapPost("/{name}/disable", (string name, AddonRegistry registry, CancellationToken ct) => SetAsync(registry, name, false, ct));
        return app;
    }

    /// <summary>Every event's hooks in the order they run.</summary>
    public static IEnumerable<HookDto> HookOrder(AddonRegistry registry) =>
        Enum.GetValues<HookEvent>().SelectMany(e => registry.HooksFor(e).Select((h, i) => HookDto.From(h, i + 1)));

    private static async Task<IResult> SetAsync(AddonRegistry registry, string name, bool enabled, CancellationToken ct)
    {
        var addon = registry.Addons.FirstOrDefault(a => a.Name == name);
        if (addon is null)
        {
            return TypedResults.Problem($"No addon named '{name}'. List them with GET /api/addons.", statusCode: 404);
        }

        await registry.SetEnabledAsync(name, enabled, ct);
        return TypedResults.Ok(AddonDto.From(addon, enabled));
    }
}

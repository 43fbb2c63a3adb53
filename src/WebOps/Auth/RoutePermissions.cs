using System.Collections.Frozen;
using System.Security.Claims;
using WebOps.Core.Accounts;

namespace WebOps.Auth;

/// <summary>
/// The one table of what every route needs. <see cref="PermissionHandler"/> applies it to every request that has no
/// policy of its own; a route missing from it is refused, whoever asks, and the route-table test names it. Pages ask
/// <see cref="Allows"/> before showing a link or button, so they show what the server would let through.
/// </summary>
/// <remarks>
/// Viewers (read) see everything but secrets and the apps' own output (it can print anything, secrets included);
/// deployers (deploy) change and run deployments; admins also manage users, tokens and addons, and delete deployments.
/// </remarks>
public static class RoutePermissions
{
    private const Permission Read = Permission.Read;
    private const Permission Deploy = Permission.Deploy;
    private const Permission Admin = Permission.Admin;

    public static readonly IReadOnlyList<RouteRule> Rules =
    [
        Public(RouteKey.Api("GET", "/healthz")),
        Public(RouteKey.Page("/Login", "GET")),
        Public(RouteKey.Page("/Login", "POST")),
        Public(RouteKey.Page("/LoginCode", "GET")),
        Public(RouteKey.Page("/LoginCode", "POST")),
        // Providers have no login: the hook's secret authenticates each delivery (HookReceiver).
        Public(RouteKey.Api("POST", "/api/hooks/{name}")),
        new(RouteKey.Page("/Logout", "GET"), Read),
        new(RouteKey.Page("/Logout", "POST"), Read),

        new(RouteKey.Api("GET", "/api/openapi.json"), Read),
        new(RouteKey.Api("GET", "/api/events"), Read),
        new(RouteKey.Api("GET", "/metrics"), Read),

        new(RouteKey.Api("GET", "/api/deployments"), Read),
        new(RouteKey.Api("POST", "/api/deployments"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}"), Read, RevealNeeds: Deploy),
        new(RouteKey.Api("PATCH", "/api/deployments/{name}"), Deploy),
        new(RouteKey.Api("DELETE", "/api/deployments/{name}"), Admin),
        new(RouteKey.Api("GET", "/api/deployments/{name}/logs"), Read),
        new(RouteKey.Api("GET", "/api/deployments/{name}/runs"), Read),
        new(RouteKey.Api("GET", "/api/deployments/{name}/events"), Read),
        new(RouteKey.Api("GET", "/api/deployments/{name}/runtime-logs"), Deploy),
        new(RouteKey.Api("POST", "/api/deployments/{name}/deploy"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}/releases"), Read),
        new(RouteKey.Api("POST", "/api/deployments/{name}/rollback"), Deploy),
        new(RouteKey.Api("POST", "/api/deployments/{name}/start"), Deploy),
        new(RouteKey.Api("POST", "/api/deployments/{name}/stop"), Deploy),
        new(RouteKey.Api("POST", "/api/deployments/{name}/restart"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}/health"), Read),
        new(RouteKey.Api("GET", "/api/deployments/{name}/health-settings"), Read),
        new(RouteKey.Api("PUT", "/api/deployments/{name}/health-settings"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}/llm"), Read, RevealNeeds: Deploy),
        new(RouteKey.Api("PUT", "/api/deployments/{name}/llm"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}/webhook"), Read),
        new(RouteKey.Api("POST", "/api/deployments/{name}/webhook-secret"), Deploy),
        new(RouteKey.Api("GET", "/api/deployments/{name}/usage"), Read),

        new(RouteKey.Api("GET", "/api/addons"), Read),
        new(RouteKey.Api("GET", "/api/addons/hooks"), Read),
        new(RouteKey.Api("POST", "/api/addons/{name}/enable"), Admin),
        new(RouteKey.Api("POST", "/api/addons/{name}/disable"), Admin),

        new(RouteKey.Api("GET", "/api/cluster"), Read),
        new(RouteKey.Api("POST", "/api/cluster/init"), Admin),
        new(RouteKey.Api("GET", "/api/cluster/nodes"), Read),
        new(RouteKey.Api("PATCH", "/api/cluster/nodes/{id}"), Admin),
        new(RouteKey.Api("GET", "/api/cluster/join-command"), Admin),
        new(RouteKey.Api("POST", "/api/cluster/join-tokens/rotate"), Admin),

        new(RouteKey.Api("GET", "/api/tokens"), Admin),
        new(RouteKey.Api("GET", "/api/audit"), Admin),
        new(RouteKey.Api("DELETE", "/api/tokens/{id:int}"), Admin),

        new(RouteKey.Page("/Index"), Read),
        new(RouteKey.Page("/Deployments/Detail"), Read, RevealNeeds: Deploy),
        new(RouteKey.Page("/Deployments/Detail", "POST", "Deploy"), Deploy),
        new(RouteKey.Page("/Deployments/Detail", "POST", "Start"), Deploy),
        new(RouteKey.Page("/Deployments/Detail", "POST", "Stop"), Deploy),
        new(RouteKey.Page("/Deployments/Detail", "POST", "Restart"), Deploy),
        new(RouteKey.Page("/Deployments/New"), Deploy),
        new(RouteKey.Page("/Deployments/New", "POST"), Deploy),
        new(RouteKey.Page("/Deployments/Rollback"), Deploy),
        new(RouteKey.Page("/Deployments/Rollback", "POST"), Deploy),
        new(RouteKey.Page("/Deployments/Edit"), Deploy),
        new(RouteKey.Page("/Deployments/Edit", "POST"), Deploy),
        new(RouteKey.Page("/Deployments/WebhookSecret"), Read),
        new(RouteKey.Page("/Deployments/WebhookSecret", "POST"), Deploy),
        new(RouteKey.Page("/Deployments/Delete"), Admin),
        new(RouteKey.Page("/Deployments/Delete", "POST"), Admin),
        new(RouteKey.Page("/Addons/Index"), Read),
        new(RouteKey.Page("/Addons/Index", "POST", "Toggle"), Admin),
        new(RouteKey.Page("/Servers/Index"), Read, RevealNeeds: Admin),
        new(RouteKey.Page("/Servers/Index", "POST", "Init"), Admin),
        new(RouteKey.Page("/Servers/Index", "POST", "Availability"), Admin),
        new(RouteKey.Page("/Servers/Index", "POST", "Labels"), Admin),
        new(RouteKey.Page("/Servers/Index", "POST", "Rotate"), Admin),
        new(RouteKey.Page("/Audit/Index"), Admin),
        new(RouteKey.Page("/Users/Index"), Admin),
        new(RouteKey.Page("/Users/Index", "POST", "Create"), Admin),
        new(RouteKey.Page("/Users/Index", "POST", "Role"), Admin),
        new(RouteKey.Page("/Users/Index", "POST", "Delete"), Admin),

        // Everyone who logs in manages their own password and two-factor login.
        new(RouteKey.Page("/Account/Index"), Read),
        new(RouteKey.Page("/Account/Index", "POST", "Password"), Read),
        new(RouteKey.Page("/Account/Index", "POST", "Enrol"), Read),
        new(RouteKey.Page("/Account/Index", "POST", "Confirm"), Read),
        new(RouteKey.Page("/Account/Index", "POST", "Cancel"), Read),
        new(RouteKey.Page("/Account/Index", "POST", "Disable"), Read),
    ];

    private static readonly FrozenDictionary<string, RouteRule> ByKey = Rules.ToFrozenDictionary(r => r.Key.Lookup);

    /// <summary>The rule for a route; null when the table does not list it (and the route is refused).</summary>
    public static RouteRule? Find(RouteKey key) => ByKey.GetValueOrDefault(key.Lookup);

    /// <summary>Whether <paramref name="user"/> may reach the route (and, with <paramref name="reveal"/>, see its secrets).</summary>
    public static bool Allows(ClaimsPrincipal user, RouteKey key, bool reveal = false) =>
        Find(key) is { } rule && (rule.NeedsFor(reveal) is not { } needed || AccessClaims.Has(user, needed));

    /// <summary>The table as text, one rule a line, in the order above.</summary>
    public static string Render() => string.Join('\n', Rules.Select(r => r.ToString())) + "\n";

    private static RouteRule Public(RouteKey key) => new(key, Needs: null);
}

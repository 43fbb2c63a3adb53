using Microsoft.AspNetCore.Authorization;
using WebOps.Core.Accounts;

namespace WebOps.Auth;

/// <summary>
/// Applies <see cref="RoutePermissions"/> to a request: a route the table does not list is refused (deny by default),
/// a public one is let through, any other needs a signed-in user or token with enough permission. A refusal carries
/// a reason that names the route, what it needs and what the caller has.
/// </summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetEndpoint() is not { } endpoint)
        {
            context.Fail(new AuthorizationFailureReason(this, "The request reached no known route."));
            return Task.CompletedTask;
        }

        var key = RouteKey.Of(endpoint, http.Request);
        if (key is null || RoutePermissions.Find(key) is not { } rule)
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"{key?.ToString() ?? endpoint.DisplayName} is not in the permission table (src/WebOps/Auth/RoutePermissions.cs), so it is refused to everyone."));
            return Task.CompletedTask;
        }

        var reveal = AsksToReveal(http.Request);
        if (rule.NeedsFor(reveal) is not { } needed)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (AccessClaims.Has(context.User, needed))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        if (AccessClaims.PermissionOf(context.User) is { } has)
        {
            var what = reveal && rule.Needs is { } plain && plain < needed ? $"revealing secrets on {key}" : key.ToString();
            context.Fail(new AuthorizationFailureReason(this,
                $"{Capital(what)} needs the {Roles.Name(needed)} permission; {AccessClaims.Describe(context.User)} has {Roles.Name(has)}. "
                + "Ask an admin for a role or token scope that includes it."));
        }

        return Task.CompletedTask;
    }

    /// <summary>Any <c>reveal</c> value but empty, 0 or false counts: when in doubt, ask for the higher permission.</summary>
    public static bool AsksToReveal(HttpRequest request) =>
        request.Query.TryGetValue("reveal", out var values)
        && values.Any(v => !string.IsNullOrEmpty(v) && v != "0" && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase));

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}

using System.Security.Claims;
using WebOps.Core.Accounts;

namespace WebOps.Auth;

/// <summary>
/// The claims that say what a signed-in request may do. Both ways in end with the same claim: a user's role (read
/// from the database on every request, so a changed role counts at once) and a token's scope.
/// </summary>
public static class AccessClaims
{
    public const string PermissionType = "webops:permission";
    public const string TokenType = "webops:token";

    /// <summary>What the request may do; null when it carries no permission (anonymous).</summary>
    public static Permission? PermissionOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Enum.TryParse<Permission>(user.FindFirstValue(PermissionType), ignoreCase: false, out var p)
        && Enum.IsDefined(p)
            ? p
            : null;

    public static bool Has(ClaimsPrincipal user, Permission needed) => PermissionOf(user) is { } p && p >= needed;

    /// <summary>"user 'ann' (role viewer)" or "token 'ci' (scope read)": who was refused, for error messages.</summary>
    public static string Describe(ClaimsPrincipal user) =>
        user.FindFirstValue(TokenType) is { } token
            ? $"token '{token}' (scope {user.FindFirstValue(ClaimTypes.Role)})"
            : $"user '{user.Identity?.Name}' (role {user.FindFirstValue(ClaimTypes.Role)})";

    /// <summary>The cookie's identity with the user's current role; any other claim the login added is kept.</summary>
    public static ClaimsPrincipal ForUser(ClaimsIdentity signedIn, User user)
    {
        var claims = signedIn.Claims.Where(c => c.Type is not PermissionType and not ClaimTypes.Role).ToList();
        claims.Add(new Claim(ClaimTypes.Role, Roles.Name(user.Role)));
        claims.Add(new Claim(PermissionType, Roles.PermissionOf(user.Role).ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, signedIn.AuthenticationType, signedIn.NameClaimType, signedIn.RoleClaimType));
    }

    public static ClaimsPrincipal ForToken(ApiToken token, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"token:{token.Name}"),
                new Claim(TokenType, token.Name),
                new Claim(ClaimTypes.Role, Roles.Name(token.Scope)),
                new Claim(PermissionType, Roles.PermissionOf(token.Scope).ToString()),
            ],
            scheme));
}

namespace WebOps.Core.Accounts;

/// <summary>
/// Roles and token scopes as their lowercase names (CLI, forms, API) and as the one <see cref="Permission"/> each
/// grants: viewer and read give read, deployer and deploy give read and deploy, admin gives everything.
/// </summary>
public static class Roles
{
    public static Permission PermissionOf(Role role) => role switch
    {
        Role.Viewer => Permission.Read,
        Role.Deployer => Permission.Deploy,
        Role.Admin => Permission.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no such role"),
    };

    /// <summary>A token's permission is its scope, capped by nothing else.</summary>
    public static Permission PermissionOf(TokenScope scope) => scope switch
    {
        TokenScope.Read => Permission.Read,
        TokenScope.Deploy => Permission.Deploy,
        TokenScope.Admin => Permission.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "no such scope"),
    };

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static string Name(TokenScope scope) => scope.ToString().ToLowerInvariant();

    public static string Name(Permission permission) => permission.ToString().ToLowerInvariant();

    /// <summary>"admin, deployer, viewer": the names an error message offers.</summary>
    public static string RoleNames => string.Join(", ", Enum.GetValues<Role>().Reverse().Select(Name));

    /// <summary>"read, deploy, admin".</summary>
    public static string ScopeNames => string.Join(", ", Enum.GetValues<TokenScope>().Select(Name));

    /// <summary>Exact lowercase names only, so "Admin " or "1" is refused rather than guessed at.</summary>
    public static bool TryParseRole(string? text, out Role role) => TryParse(text, out role);

    public static bool TryParseScope(string? text, out TokenScope scope) => TryParse(text, out scope);

    private static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString().ToLowerInvariant(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

using WebOps.Core.Accounts;

namespace WebOps.Tests.Unit.Auth;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Role.Viewer, Permission.Read)]
    [InlineData(Role.Deployer, Permission.Deploy)]
    [InlineData(Role.Admin, Permission.Admin)]
    public void Each_role_grants_one_permission_level(Role role, Permission permission)
    {
        Assert.Equal(permission, Roles.PermissionOf(role));
    }

    [Theory]
    [InlineData(TokenScope.Read, Permission.Read)]
    [InlineData(TokenScope.Deploy, Permission.Deploy)]
    [InlineData(TokenScope.Admin, Permission.Admin)]
    public void A_tokens_permission_is_its_scope(TokenScope scope, Permission permission)
    {
        Assert.Equal(permission, Roles.PermissionOf(scope));
    }

    [Fact]
    public void Names_are_offered_in_messages_as_typed()
    {
        Assert.Equal(("admin, deployer, viewer", "read, deploy, admin"), (Roles.RoleNames, Roles.ScopeNames));
    }

    [Theory]
    [InlineData("viewer", true)]
    [InlineData("deployer", true)]
    [InlineData("admin", true)]
    [InlineData("Admin", false)]
    [InlineData("admin ", false)]
    [InlineData("3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_exact_lowercase_name_is_a_role(string? text, bool known)
    {
        Assert.Equal(known, Roles.TryParseRole(text, out _));
    }

    [Theory]
    [InlineData("read", TokenScope.Read)]
    [InlineData("deploy", TokenScope.Deploy)]
    [InlineData("admin", TokenScope.Admin)]
    public void Scopes_parse_from_their_names(string text, TokenScope scope)
    {
        Assert.True(Roles.TryParseScope(text, out var parsed));
        Assert.Equal(scope, parsed);
    }
}

using System.Security.Claims;
using WebOps.Auth;
using WebOps.Core.Accounts;

namespace WebOps.Tests.Unit.Auth;

/// <summary>The permission table as data: its whole text (a change to who may do what shows up here), and its checks.</summary>
public sealed class RoutePermissionsTests
{
    private const string Expected =
        "GET /healthz                                     public\n"
        + "page /Login GET                                  public\n"
        + "page /Login POST                                 public\n"
        + "page /LoginCode GET                              public\n"
        + "page /LoginCode POST                             public\n"
        + "POST /api/hooks/{name}                           public\n"
        + "page /Logout GET                                 read\n"
        + "page /Logout POST                                read\n"
        + "GET /api/openapi.json                            read\n"
        + "GET /api/events                                  read\n"
        + "GET /metrics                                     read\n"
        + "GET /api/deployments                             read\n"
        + "POST /api/deployments                            deploy\n"
        + "GET /api/deployments/{name}                      read, reveal: deploy\n"
        + "PATCH /api/deployments/{name}                    deploy\n"
        + "DELETE /api/deployments/{name}                   admin\n"
        + "GET /api/deployments/{name}/logs                 read\n"
        + "GET /api/deployments/{name}/runs                 read\n"
        + "GET /api/deployments/{name}/events               read\n"
        + "GET /api/deployments/{name}/runtime-logs         deploy\n"
        + "POST /api/deployments/{name}/deploy              deploy\n"
        + "GET /api/deployments/{name}/releases             read\n"
        + "POST /api/deployments/{name}/rollback            deploy\n"
        + "POST /api/deployments/{name}/start               deploy\n"
        + "POST /api/deployments/{name}/stop                deploy\n"
        + "POST /api/deployments/{name}/restart             deploy\n"
        + "GET /api/deployments/{name}/health               read\n"
        + "GET /api/deployments/{name}/health-settings      read\n"
        + "PUT /api/deployments/{name}/health-settings      deploy\n"
        + "GET /api/deployments/{name}/llm                  read, reveal: deploy\n"
        + "PUT /api/deployments/{name}/llm                  deploy\n"
        + "GET /api/deployments/{name}/webhook              read\n"
        + "POST /api/deployments/{name}/webhook-secret      deploy\n"
        + "GET /api/deployments/{name}/usage                read\n"
        + "GET /api/addons                                  read\n"
        + "GET /api/addons/hooks                            read\n"
        + "POST /api/addons/{name}/enable                   admin\n"
        + "POST /api/addons/{name}/disable                  admin\n"
        + "GET /api/cluster                                 read\n"
        + "POST /api/cluster/init                           admin\n"
        + "GET /api/cluster/nodes                           read\n"
        + "PATCH /api/cluster/nodes/{id}                    admin\n"
        + "GET /api/cluster/join-command                    admin\n"
        + "POST /api/cluster/join-tokens/rotate             admin\n"
        + "GET /api/tokens                                  admin\n"
        + "GET /api/audit                                   admin\n"
        + "DELETE /api/tokens/{id:int}                      admin\n"
        + "page /Index GET                                  read\n"
        + "page /Deployments/Detail GET                     read, reveal: deploy\n"
        + "page /Deployments/Detail POST Deploy             deploy\n"
        + "page /Deployments/Detail POST Start              deploy\n"
        + "page /Deployments/Detail POST Stop               deploy\n"
        + "page /Deployments/Detail POST Restart            deploy\n"
        + "page /Deployments/New GET                        deploy\n"
        + "page /Deployments/New POST                       deploy\n"
        + "page /Deployments/Rollback GET                   deploy\n"
        + "page /Deployments/Rollback POST                  deploy\n"
        + "page /Deployments/Edit GET                       deploy\n"
        + "page /Deployments/Edit POST                      deploy\n"
        + "page /Deployments/WebhookSecret GET              read\n"
        + "page /Deployments/WebhookSecret POST             deploy\n"
        + "page /Deployments/Delete GET                     admin\n"
        + "page /Deployments/Delete POST                    admin\n"
        + "page /Addons/Index GET                           read\n"
        + "page /Addons/Index POST Toggle                   admin\n"
        + "page /Servers/Index GET                          read, reveal: admin\n"
        + "page /Servers/Index POST Init                    admin\n"
        + "page /Servers/Index POST Availability            admin\n"
        + "page /Servers/Index POST Labels                  admin\n"
        + "page /Servers/Index POST Rotate                  admin\n"
        + "page /Audit/Index GET                            admin\n"
        + "page /Users/Index GET                            admin\n"
        + "page /Users/Index POST Create                    admin\n"
        + "page /Users/Index POST Role                      admin\n"
        + "page /Users/Index POST Delete                    admin\n"
        + "page /Account/Index GET                          read\n"
        + "page /Account/Index POST Password                read\n"
        + "page /Account/Index POST Enrol                   read\n"
        + "page /Account/Index POST Confirm                 read\n"
        + "page /Account/Index POST Cancel                  read\n"
        + "page /Account/Index POST Disable                 read\n";

    [Fact]
    public void The_table_says_who_may_do_what()
    {
        Assert.Equal(Expected, RoutePermissions.Render());
    }

    [Theory]
    [InlineData(Role.Viewer, false, false)]
    [InlineData(Role.Deployer, true, false)]
    [InlineData(Role.Admin, true, true)]
    public void A_user_may_deploy_and_delete_as_their_role_allows(Role role, bool deploy, bool delete)
    {
        var user = User(role);

        Assert.True(RoutePermissions.Allows(user, RouteKey.Page("/Deployments/Detail")));
        Assert.Equal(deploy, RoutePermissions.Allows(user, RouteKey.Api("POST", "/api/deployments/{name}/deploy")));
        Assert.Equal(deploy, RoutePermissions.Allows(user, RouteKey.Page("/Deployments/Detail"), reveal: true));
        Assert.Equal(delete, RoutePermissions.Allows(user, RouteKey.Api("DELETE", "/api/deployments/{name}")));
    }

    [Fact]
    public void A_route_missing_from_the_table_is_allowed_to_no_one()
    {
        Assert.Null(RoutePermissions.Find(RouteKey.Api("POST", "/api/no-such-route")));
        Assert.False(RoutePermissions.Allows(User(Role.Admin), RouteKey.Api("POST", "/api/no-such-route")));
        Assert.False(RoutePermissions.Allows(User(Role.Admin), RouteKey.Page("/Deployments/Detail", "POST", "Explode")));
    }

    [Fact]
    public void Page_handlers_match_in_any_case_and_api_routes_with_or_without_the_trailing_slash()
    {
        Assert.NotNull(RoutePermissions.Find(RouteKey.Page("/Deployments/Detail", "POST", "deploy")));
        Assert.NotNull(RoutePermissions.Find(RouteKey.Api("GET", "/api/deployments/")));
        Assert.NotNull(RoutePermissions.Find(RouteKey.Api("GET", "api/deployments")));
    }

    [Fact]
    public void Nobody_signed_in_gets_nothing_but_public_routes()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.True(RoutePermissions.Allows(anonymous, RouteKey.Api("GET", "/healthz")));
        Assert.False(RoutePermissions.Allows(anonymous, RouteKey.Api("GET", "/api/deployments")));
    }

    private static ClaimsPrincipal User(Role role) =>
        AccessClaims.ForUser(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ann")], "test"), new User { Username = "ann", PasswordHash = "", Role = role });
}

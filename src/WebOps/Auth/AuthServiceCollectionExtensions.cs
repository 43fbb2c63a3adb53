using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using WebOps.Auth.TwoFactor;

namespace WebOps.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Login cookie for pages, bearer tokens for the API, every route's permission from <see cref="RoutePermissions"/>
    /// (a route missing from it is refused), and the failed-login throttle (settings in section <c>Login</c>).
    /// </summary>
    public static IServiceCollection AddWebOpsAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountService>();
        services.AddOptions<LoginSettings>()
            .Bind(configuration.GetSection(LoginSettings.SectionName))
            .Validate(o => o.MaxFailures >= 1, "Login:MaxFailures must be 1 or more.")
            .Validate(o => o.Window > TimeSpan.Zero, "Login:Window must be positive, e.g. 00:15:00.")
            .Validate(o => o.MaxTrackedKeys >= 2, "Login:MaxTrackedKeys must be 2 or more (a username and an address).")
            .ValidateOnStart();
        services.AddSingleton<LoginThrottle>();
        services.AddTwoFactor();
        services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie or bearer token", o =>
                o.ForwardDefaultSelector = ctx =>
                    ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? AuthSchemes.Bearer
                        : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.Cookie.Name = "webops_auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = UserSession.ValidateAsync;
            });
        // Every route without a policy of its own (all of them; public ones carry AllowAnonymous too) is decided by
        // the one permission table; a route missing from it is refused.
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ForbiddenResponder>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement()).Build());
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        // A scraper is no browser: /metrics answers 401 like the API instead of sending it to the login page.
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/metrics"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

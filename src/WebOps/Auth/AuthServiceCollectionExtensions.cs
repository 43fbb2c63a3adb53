using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace WebOps.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Login cookie for pages, bearer tokens for the API, login required everywhere by default, and the failed-login
    /// throttle (settings in section <c>Login</c>).
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
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

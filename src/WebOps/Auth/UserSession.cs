using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace WebOps.Auth;

/// <summary>
/// Checks the login cookie's user against the database on every request: a deleted user is signed out, and the
/// role (so the permission) is the one saved now, so a changed role counts from the next request on.
/// </summary>
public static class UserSession
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity is not System.Security.Claims.ClaimsIdentity { Name: { } name } identity)
        {
            context.RejectPrincipal();
            return;
        }

        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (await accounts.FindUserAsync(name, context.HttpContext.RequestAborted) is not { } user)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(AccessClaims.ForUser(identity, user));
    }
}

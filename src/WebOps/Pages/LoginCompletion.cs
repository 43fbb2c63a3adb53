using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using WebOps.Audit;

namespace WebOps.Pages;

/// <summary>What both login steps end with: the login cookie, then back to where the user was going.</summary>
public static class LoginCompletion
{
    /// <summary>The one place a person is signed in, after the password and, when it is on, the second factor.</summary>
    public static async Task SignInAsync(HttpContext http, string username)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditActions.LoginSucceeded, null, actor: AuditActor.User(username));
    }

    /// <summary>Only a path on this site; anything else (another host, <c>//evil</c>) goes to the dashboard.</summary>
    public static string SafeReturnUrl(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

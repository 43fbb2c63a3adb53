using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Auth;

namespace WebOps.Pages;

[AllowAnonymous]
public sealed class LoginModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string Username { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await accounts.CheckPasswordAsync(Username, Password, ct);
        if (user is null)
        {
            // One message for both cases: saying which part was wrong would help someone guessing usernames.
            Error = "Wrong username or password. Try again.";
            Password = "";
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Username)], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Only a path on this site; anything else (another host, <c>//evil</c>) goes to the dashboard.</summary>
    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

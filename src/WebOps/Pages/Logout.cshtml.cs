using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Audit;

namespace WebOps.Pages;

/// <summary>Logging out is a POST (with the antiforgery token), so a link or an image on another page cannot do it.</summary>
public sealed class LogoutModel(AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(AuditActions.Logout, null);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Login");
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Audit;
using WebOps.Auth;
using WebOps.Auth.TwoFactor;

namespace WebOps.Pages;

[AllowAnonymous]
public sealed class LoginModel(AccountService accounts, LoginThrottle throttle, PendingLogins pendingLogins, AuditLog audit) : PageModel
{
    // One message for a wrong username and a wrong password: saying which part was wrong would help someone guessing.
    private const string WrongCredentials = "Wrong username or password. Try again.";

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
        // Asked before anything is checked: while throttled even the right password is not tried, and every refusal
        // says so, an empty form included (it counts as a failed login like any other).
        var attempt = throttle.Begin(Username, HttpContext.Connection.RemoteIpAddress);
        if (!attempt.Allowed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = LoginThrottleText.RetryAfterSeconds(attempt.RetryAfter).ToString(CultureInfo.InvariantCulture);
            await audit.RecordAsync(AuditActions.LoginFailed, null, "throttled: too many failed logins", AuditActor.Anonymous(Username));
            return Refuse(LoginThrottleText.Message(attempt.RetryAfter));
        }

        var user = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password)
            ? null
            : await accounts.CheckPasswordAsync(Username, Password, ct);
        if (user is null)
        {
            await audit.RecordAsync(AuditActions.LoginFailed, null, "wrong username or password", AuditActor.Anonymous(Username));
            return Refuse(WrongCredentials);
        }

        if (TwoFactorService.IsOn(user))
        {
            // Not signed in yet: the code step follows, and this try is neither held against the user nor allowed to
            // clear the failures wrong codes have counted.
            throttle.TakeBack(attempt);
            pendingLogins.Issue(HttpContext, new PendingLogin(user.Id, user.Username));
            return RedirectToPage("/LoginCode", new { ReturnUrl });
        }

        throttle.Succeeded(attempt);
        await LoginCompletion.SignInAsync(HttpContext, user.Username);
        return LocalRedirect(SafeReturnUrl);
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Password = "";
        return Page();
    }

    private string SafeReturnUrl => LoginCompletion.SafeReturnUrl(Url, ReturnUrl);
}

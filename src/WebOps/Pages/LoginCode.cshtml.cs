using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Audit;
using WebOps.Auth;
using WebOps.Auth.TwoFactor;
using WebOps.Pages.Shared;

namespace WebOps.Pages;

/// <summary>
/// The second login step for users with two-factor login on: a current code from the authenticator app or one of the
/// recovery codes. Reached only with the pending-login cookie the password step sets; every wrong code counts as a
/// failed login in the same throttle as wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class LoginCodeModel(TwoFactorService twoFactor, PendingLogins pendingLogins, LoginThrottle throttle, AuditLog audit) : PageModel
{
    private const string WrongCode =
        "Wrong code. Enter the 6-digit code your authenticator app shows for WebOps now, or one of your recovery codes.";

    private const string ReusedCode = "That code was used already. Wait for the next code in the app and enter that one.";

    private const string NoLoginWaiting =
        "No login is waiting for a code here: the password was entered more than 5 minutes ago, or not at all. Log in again.";

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Shown instead of the form: the password step has to come (again) first.</summary>
    public bool PasswordFirst { get; private set; }

    public IActionResult OnGet() => pendingLogins.Read(HttpContext) is null ? AskForPassword() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (pendingLogins.Read(HttpContext) is not { } pending)
        {
            return AskForPassword();
        }

        var attempt = throttle.Begin(pending.Username, HttpContext.Connection.RemoteIpAddress);
        if (!attempt.Allowed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = LoginThrottleText.RetryAfterSeconds(attempt.RetryAfter).ToString(CultureInfo.InvariantCulture);
            await audit.RecordAsync(AuditActions.LoginFailed, null, "throttled at the code step", AuditActor.Anonymous(pending.Username));
            return Refuse(LoginThrottleText.Message(attempt.RetryAfter));
        }

        // The account may have changed since the password step (renamed, two-factor turned off): start over then.
        var user = await twoFactor.LoadUserAsync(pending.Username, ct);
        if (user is null || user.Id != pending.UserId || !TwoFactorService.IsOn(user))
        {
            throttle.TakeBack(attempt);
            return AskForPassword();
        }

        var result = await twoFactor.VerifyAsync(user, Code, ct);
        if (result is SecondFactorResult.Wrong or SecondFactorResult.Reused)
        {
            await audit.RecordAsync(AuditActions.LoginFailed, null, result == SecondFactorResult.Reused ? "reused two-factor code" : "wrong two-factor code", AuditActor.Anonymous(pending.Username));
            return Refuse(result == SecondFactorResult.Reused ? ReusedCode : WrongCode);
        }

        throttle.Succeeded(attempt);
        pendingLogins.Clear(HttpContext);
        await LoginCompletion.SignInAsync(HttpContext, user.Username);
        if (result == SecondFactorResult.RecoveryCode)
        {
            var left = await twoFactor.RecoveryCodesLeftAsync(user, ct);
            TempData.Success($"Logged in with a recovery code; it cannot be used again. {left} left: on your account page, turn two-factor login off and on again for a new set.");
        }

        return LocalRedirect(LoginCompletion.SafeReturnUrl(Url, ReturnUrl));
    }

    /// <summary>A page rather than a redirect, so it says why the password is asked for again.</summary>
    private PageResult AskForPassword()
    {
        pendingLogins.Clear(HttpContext);
        PasswordFirst = true;
        Error = NoLoginWaiting;
        return Page();
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Code = "";
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Auth;
using WebOps.Auth.TwoFactor;
using WebOps.Core.Accounts;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Account;

/// <summary>
/// The signed-in user's own account: change the password, set up or turn off two-factor login. Steps that prove who
/// is at the keyboard (current password, code to turn two-factor off) count in the login throttle, so a left-open
/// session is no way around it.
/// </summary>
public sealed class IndexModel(AccountService accounts, TwoFactorService twoFactor, LoginThrottle throttle) : PageModel
{
    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string CodeOrPassword { get; set; } = "";

    public User Me { get; private set; } = null!;

    public TwoFactorEnrolment? Enrolment { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>Set once, on the response that turns two-factor on; never stored in plain text.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public string? PasswordError { get; private set; }

    public string? TwoFactorError { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (await ProveAsync(checkCode: false, CurrentPassword, "current password", ct) is { } refusal)
        {
            PasswordError = refusal;
            return await ShowAsync(ct);
        }

        try
        {
            await accounts.SetPasswordAsync(Me.Username, NewPassword, ct);
        }
        catch (ArgumentException e)
        {
            PasswordError = e.Message;
            return await ShowAsync(ct);
        }

        TempData.Success("Password changed. Use the new one from your next login.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (TwoFactorService.IsOn(Me))
        {
            TempData.Error("Two-factor login is on already. To use another phone, turn it off and set it up again.");
            return RedirectToPage();
        }

        await twoFactor.BeginAsync(Me, ct);
        return RedirectToPage(null, null, "two-factor");
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (Me.TwoFactorPendingSecret is null)
        {
            TempData.Error("No two-factor set-up is in progress: choose Set up two-factor login to start one.");
            return RedirectToPage();
        }

        NewRecoveryCodes = await twoFactor.ConfirmAsync(Me, Code, ct);
        if (NewRecoveryCodes is null)
        {
            TwoFactorError = "Wrong code: enter the 6 digits the app shows for WebOps now. If codes keep failing, check that the phone's clock is set automatically.";
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        await twoFactor.CancelAsync(Me, ct);
        TempData.Success("Two-factor set-up cancelled; login works as before.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        if (!TwoFactorService.IsOn(Me))
        {
            return RedirectToPage();
        }

        if (await ProveAsync(checkCode: true, CodeOrPassword, "code or password", ct) is { } refusal)
        {
            TwoFactorError = refusal + " Two-factor login stays on.";
            return await ShowAsync(ct);
        }

        await twoFactor.DisableAsync(Me, ct);
        TempData.Success("Two-factor login is off: logging in asks for the password only. The recovery codes no longer work.");
        return RedirectToPage();
    }

    /// <summary>
    /// Checks the password (or, with <paramref name="checkCode"/>, a current code first) under the login throttle.
    /// Null when it is right; otherwise the message, naming <paramref name="asked"/>.
    /// </summary>
    private async Task<string?> ProveAsync(bool checkCode, string input, string asked, CancellationToken ct)
    {
        var attempt = throttle.Begin(Me.Username, HttpContext.Connection.RemoteIpAddress);
        if (!attempt.Allowed)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = LoginThrottleText.RetryAfterSeconds(attempt.RetryAfter).ToString(CultureInfo.InvariantCulture);
            return LoginThrottleText.Message(attempt.RetryAfter);
        }

        var proved = input.Length > 0
            && ((checkCode && await twoFactor.VerifyAsync(Me, input, ct) is SecondFactorResult.Code or SecondFactorResult.RecoveryCode)
                || await accounts.CheckPasswordAsync(Me.Username, input, ct) is not null);
        if (!proved)
        {
            return $"Wrong {asked}. Try again.";
        }

        throttle.Succeeded(attempt);
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        // The page can carry the secret and recovery codes: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        Enrolment = NewRecoveryCodes is null ? twoFactor.Pending(Me) : null;
        RecoveryCodesLeft = await twoFactor.RecoveryCodesLeftAsync(Me, ct);
        return Page();
    }

    /// <summary>Loads the signed-in user; an API token has no account page.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Me is not null)
        {
            return null;
        }

        var user = User.Identity?.Name is { } name ? await twoFactor.LoadUserAsync(name, ct) : null;
        if (user is null)
        {
            return NotFound("The account page belongs to users who log in with a password; API tokens have none.");
        }

        Me = user;
        return null;
    }
}

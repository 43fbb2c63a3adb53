using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Accounts;
using WebOps.Data;

namespace WebOps.Auth.TwoFactor;

/// <summary>
/// A user's two-factor login: set-up (a pending secret, confirmed by a code from it), the check at login, and turning
/// it off. Secrets are stored encrypted with Data Protection; recovery codes only as hashes.
/// </summary>
public sealed class TwoFactorService(WebOpsDbContext db, IDataProtectionProvider protection, TimeProvider clock, AuditLog audit)
{
    private readonly IDataProtector protector = protection.CreateProtector("WebOps.TwoFactor.Secret.v1");

    public static bool IsOn(User user) => user.TwoFactorSecret is not null;

    /// <summary>The user as the methods below change and save it (tracked, unlike the read-only account lookups).</summary>
    public Task<User?> LoadUserAsync(string username, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Username == username, ct);

    /// <summary>Starts (or starts over) set-up with a fresh secret; login stays as it is until a code confirms it.</summary>
    public async Task<TwoFactorEnrolment> BeginAsync(User user, CancellationToken ct)
    {
        var secret = TotpCodes.NewSecret();
        user.TwoFactorPendingSecret = protector.Protect(TotpCodes.ToBase32(secret));
        await db.SaveChangesAsync(ct);
        return Enrolment(user, secret);
    }

    /// <summary>The set-up in progress, or null.</summary>
    public TwoFactorEnrolment? Pending(User user) =>
        user.TwoFactorPendingSecret is { } pending ? Enrolment(user, Secret(pending)) : null;

    public async Task CancelAsync(User user, CancellationToken ct)
    {
        user.TwoFactorPendingSecret = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Confirms the pending secret with a current code from it: two-factor login is on from now, and the new recovery
    /// codes are returned, the only time they exist in plain text. Null when there is no set-up or the code is wrong.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(User user, string code, CancellationToken ct)
    {
        if (user.TwoFactorPendingSecret is not { } pending)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var check = TotpCodes.Verify(Secret(pending), code, now, lastAcceptedStep: null);
        if (check.Outcome != TotpOutcome.Accepted)
        {
            return null;
        }

        var codes = RecoveryCodes.Generate();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RecoveryCodes.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        db.RecoveryCodes.AddRange(codes.Select(c => new RecoveryCode { UserId = user.Id, CodeHash = RecoveryCodes.Hash(c)!, CreatedAt = now }));
        user.TwoFactorSecret = pending;
        user.TwoFactorPendingSecret = null;
        user.TwoFactorEnabledAt = now;

        // The code that confirmed the set-up was seen on this page: it cannot log in as well.
        user.TwoFactorLastStep = check.Step;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(AuditActions.TwoFactorEnabled, user.Username);
        return codes;
    }

    /// <summary>
    /// Checks a code from the app or a recovery code. Each works once: a code's time step is taken in one conditional
    /// update, and a recovery code's row in one delete, so two requests racing with the same code cannot both pass.
    /// </summary>
    public async Task<SecondFactorResult> VerifyAsync(User user, string input, CancellationToken ct)
    {
        if (user.TwoFactorSecret is not { } secret)
        {
            return SecondFactorResult.Wrong;
        }

        if (TotpCodes.LooksLikeCode(input))
        {
            var check = TotpCodes.Verify(Secret(secret), input, clock.GetUtcNow(), user.TwoFactorLastStep);
            if (check.Outcome != TotpOutcome.Accepted)
            {
                return check.Outcome == TotpOutcome.Reused ? SecondFactorResult.Reused : SecondFactorResult.Wrong;
            }

            var taken = await db.Users
                .Where(u => u.Id == user.Id && (u.TwoFactorLastStep == null || u.TwoFactorLastStep < check.Step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, check.Step), ct);
            db.Entry(user).Property(u => u.TwoFactorLastStep).CurrentValue = check.Step;
            db.Entry(user).Property(u => u.TwoFactorLastStep).OriginalValue = check.Step;
            return taken == 1 ? SecondFactorResult.Code : SecondFactorResult.Reused;
        }

        if (RecoveryCodes.Hash(input) is not { } hash)
        {
            return SecondFactorResult.Wrong;
        }

        var used = await db.RecoveryCodes.Where(r => r.UserId == user.Id && r.CodeHash == hash).ExecuteDeleteAsync(ct);
        return used == 1 ? SecondFactorResult.RecoveryCode : SecondFactorResult.Wrong;
    }

    public Task<int> RecoveryCodesLeftAsync(User user, CancellationToken ct) =>
        db.RecoveryCodes.CountAsync(r => r.UserId == user.Id, ct);

    /// <summary>Turns two-factor login off: the secret, any set-up in progress and the recovery codes are gone.</summary>
    public async Task DisableAsync(User user, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.RecoveryCodes.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
        user.TwoFactorSecret = null;
        user.TwoFactorPendingSecret = null;
        user.TwoFactorLastStep = null;
        user.TwoFactorEnabledAt = null;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(AuditActions.TwoFactorDisabled, user.Username);
    }

    private static TwoFactorEnrolment Enrolment(User user, byte[] secret)
    {
        var uri = TotpCodes.Uri(user.Username, secret);
        return new TwoFactorEnrolment(TotpCodes.ToBase32(secret), uri, QrCodeSvg.Render(uri));
    }

    private byte[] Secret(string protectedBase32) => TotpCodes.FromBase32(protector.Unprotect(protectedBase32));
}

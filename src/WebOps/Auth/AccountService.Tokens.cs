using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Accounts;

namespace WebOps.Auth;

/// <summary>API tokens: created (text shown once, only the hash kept), listed, revoked.</summary>
public sealed partial class AccountService
{
    /// <summary>Scope admin and no expiry: what every token could do before scopes existed.</summary>
    public Task<string> CreateTokenAsync(string name, CancellationToken ct) =>
        CreateTokenAsync(name, TokenScope.Admin, lifetime: null, ct);

    /// <summary>Creates a token and returns its text; only the hash is stored, so this is the one chance to see it.</summary>
    public async Task<string> CreateTokenAsync(string name, TokenScope scope, TimeSpan? lifetime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("name: give 1 to 100 characters.", nameof(name));
        }

        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentException($"scope: choose one of {Roles.ScopeNames}.", nameof(scope));
        }

        if (lifetime is { } l && (l <= TimeSpan.Zero || l > TokenLifetime.Longest))
        {
            throw new ArgumentException($"expires: give a lifetime from 1h to {TokenLifetime.Longest.Days}d, or never.", nameof(lifetime));
        }

        var now = clock.GetUtcNow();
        var token = TokenHasher.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Name = name,
            TokenHash = TokenHasher.Hash(token),
            Prefix = token[..7],
            CreatedAt = now,
            Scope = scope,
            ExpiresAt = now + lifetime,
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.TokenCreated, name, $"scope {Roles.Name(scope)}" + (lifetime is null ? "" : $", expires {now + lifetime:u}"));
        return token;
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken ct) =>
        await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);

    /// <summary>Deletes the token; requests that send it are refused from now on. False when there is no such token.</summary>
    public async Task<bool> RevokeTokenAsync(int id, CancellationToken ct)
    {
        if (await db.ApiTokens.FindAsync([id], ct) is not { } token)
        {
            return false;
        }

        db.ApiTokens.Remove(token);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.TokenRevoked, token.Name);
        return true;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Accounts;
using WebOps.Data;

namespace WebOps.Auth;

/// <summary>Users and API tokens: creation and password checks.</summary>
public sealed class AccountService(WebOpsDbContext db, TimeProvider clock, AuditLog audit)
{
    private static readonly PasswordHasher<User> Hasher = new();

    public Task<bool> AnyUserAsync(CancellationToken ct) => db.Users.AnyAsync(ct);

    public async Task<User> CreateUserAsync(string username, string password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Length > 64)
        {
            throw new ArgumentException("username: give 1 to 64 characters.", nameof(username));
        }

        if (password.Length < 8)
        {
            throw new ArgumentException("password: use at least 8 characters.", nameof(password));
        }

        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            throw new ArgumentException($"username: a user named '{username}' already exists.", nameof(username));
        }

        var user = new User { Username = username, PasswordHash = "", CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    public async Task<User?> CheckPasswordAsync(string username, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, ct);
        if (user is null)
        {
            // Hash anyway so a wrong username costs as much time as a wrong password.
            Hasher.HashPassword(new User { Username = username, PasswordHash = "" }, password);
            return null;
        }

        return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Creates a token and returns its text; only the hash is stored, so this is the one chance to see it.</summary>
    public async Task<string> CreateTokenAsync(string name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("name: give 1 to 100 characters.", nameof(name));
        }

        var token = TokenHasher.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            Name = name,
            TokenHash = TokenHasher.Hash(token),
            Prefix = token[..7],
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.TokenCreated, name);
        return token;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebOps.Audit;
using WebOps.Core.Accounts;
using WebOps.Data;

namespace WebOps.Auth;

/// <summary>
/// Users and API tokens (tokens in <c>AccountService.Tokens.cs</c>): every change to them goes through here, so each
/// (user created, role changed, user deleted, token created, token revoked) has one place that does it.
/// </summary>
public sealed partial class AccountService(WebOpsDbContext db, TimeProvider clock, AuditLog audit)
{
    private static readonly PasswordHasher<User> Hasher = new();

    public Task<bool> AnyUserAsync(CancellationToken ct) => db.Users.AnyAsync(ct);

    /// <summary>An admin: the first user, and every user made before roles existed, could do everything.</summary>
    public Task<User> CreateUserAsync(string username, string password, CancellationToken ct) =>
        CreateUserAsync(username, password, Role.Admin, ct);

    public async Task<User> CreateUserAsync(string username, string password, Role role, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(username) || username.Length > 64)
        {
            throw new ArgumentException("username: give 1 to 64 characters.", nameof(username));
        }

        if (password.Length < 8)
        {
            throw new ArgumentException("password: use at least 8 characters.", nameof(password));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"role: choose one of {Roles.RoleNames}.", nameof(role));
        }

        if (await db.Users.AnyAsync(u => u.Username == username, ct))
        {
            throw new ArgumentException($"username: a user named '{username}' already exists.", nameof(username));
        }

        var user = new User { Username = username, PasswordHash = "", CreatedAt = clock.GetUtcNow(), Role = role };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.UserCreated, username, $"role {Roles.Name(role)}");
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

    public Task<User?> FindUserAsync(string username, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, ct);

    public async Task<IReadOnlyList<User>> ListUsersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.Username).ToListAsync(ct);

    /// <summary>Gives a user another role; the last admin keeps theirs, so the panel always has someone to manage it.</summary>
    public async Task<User> ChangeRoleAsync(string username, Role role, CancellationToken ct)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"role: choose one of {Roles.RoleNames}.", nameof(role));
        }

        var user = await RequireUserAsync(username, ct);
        if (user.Role == Role.Admin && role != Role.Admin)
        {
            await RefuseLastAdminAsync(user, $"make '{username}' a {Roles.Name(role)}", ct);
        }

        user.Role = role;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.UserRoleChanged, username, $"role {Roles.Name(role)}");
        return user;
    }

    /// <summary>Deletes a user; their login stops working at their next request. The last admin cannot be deleted.</summary>
    public async Task DeleteUserAsync(string username, CancellationToken ct)
    {
        var user = await RequireUserAsync(username, ct);
        if (user.Role == Role.Admin)
        {
            await RefuseLastAdminAsync(user, $"delete '{username}'", ct);
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditActions.UserDeleted, username);
    }

    /// <summary>Sets a new password; the caller has checked the current one.</summary>
    public async Task SetPasswordAsync(string username, string password, CancellationToken ct)
    {
        if (password.Length < 8)
        {
            throw new ArgumentException("new_password: use at least 8 characters.", nameof(password));
        }

        var user = await RequireUserAsync(username, ct);
        user.PasswordHash = Hasher.HashPassword(user, password);
        await db.SaveChangesAsync(ct);
    }

    private async Task<User> RequireUserAsync(string username, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.Username == username, ct)
        ?? throw new ArgumentException($"username: no user named '{username}'.", nameof(username));

    private async Task RefuseLastAdminAsync(User user, string what, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Role == Role.Admin && u.Id != user.Id, ct))
        {
            throw new AccountRefusedException(
                $"Cannot {what}: '{user.Username}' is the last admin, and the panel needs one. Make another user admin first.");
        }
    }
}

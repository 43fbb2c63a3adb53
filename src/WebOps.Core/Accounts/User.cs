namespace WebOps.Core.Accounts;

/// <summary>A person who can log in to the panel.</summary>
public class User
{
    public int Id { get; set; }

    public required string Username { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash format.</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What the user may do; a new user starts with the least until given more.</summary>
    public Role Role { get; set; } = Role.Viewer;
}

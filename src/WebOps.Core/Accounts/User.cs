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

    /// <summary>
    /// The TOTP secret, encrypted with Data Protection; set while two-factor login is on, and only then.
    /// </summary>
    public string? TwoFactorSecret { get; set; }

    /// <summary>A secret being set up (encrypted): shown as a QR code until a code from it confirms it.</summary>
    public string? TwoFactorPendingSecret { get; set; }

    /// <summary>The last TOTP time step a code was accepted for; codes of that step or earlier are refused.</summary>
    public long? TwoFactorLastStep { get; set; }

    public DateTimeOffset? TwoFactorEnabledAt { get; set; }
}

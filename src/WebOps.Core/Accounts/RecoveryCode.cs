namespace WebOps.Core.Accounts;

/// <summary>
/// One of a user's two-factor recovery codes, stored only as a hash; the row is deleted when the code is used, so
/// each one works once.
/// </summary>
public class RecoveryCode
{
    public int Id { get; set; }

    public int UserId { get; set; }

    /// <summary>Lowercase hex SHA-256 of the normalised code.</summary>
    public required string CodeHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

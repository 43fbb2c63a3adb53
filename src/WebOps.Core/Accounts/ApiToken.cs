namespace WebOps.Core.Accounts;

/// <summary>A bearer token for the REST API. Only the SHA-256 hash of the token is stored.</summary>
public class ApiToken
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lowercase hex SHA-256 of the token text.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

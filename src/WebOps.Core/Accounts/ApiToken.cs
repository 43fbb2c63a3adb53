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

    /// <summary>When the token last let a request through, to the minute (see <see cref="RecordUse"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>What the token may do; a new token starts with the least until given more.</summary>
    public TokenScope Scope { get; set; } = TokenScope.Read;

    /// <summary>When the token stops working; null: never.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } end && now >= end;

    /// <summary>How stale <see cref="LastUsedAt"/> may get: a CLI or CI job making many calls writes once a minute.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Notes a use at <paramref name="now"/> when the last one noted is older than <see cref="LastUsedPrecision"/>
    /// (or none is); true when <see cref="LastUsedAt"/> changed and needs saving.
    /// </summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < LastUsedPrecision && now >= last)
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}

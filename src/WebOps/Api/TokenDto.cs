using WebOps.Core.Accounts;

namespace WebOps.Api;

/// <summary>An API token as <c>GET /api/tokens</c> lists it: never the token itself (only its hash is stored).</summary>
public sealed record TokenDto(
    int Id,
    string Name,
    string Prefix,
    string Scope,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    bool Expired,
    DateTimeOffset? LastUsedAt)
{
    public static TokenDto From(ApiToken t, DateTimeOffset now) =>
        new(t.Id, t.Name, t.Prefix, Roles.Name(t.Scope), t.CreatedAt, t.ExpiresAt, t.IsExpired(now), t.LastUsedAt);
}

using WebOps.Core.Accounts;

namespace WebOps.Auth;

/// <summary>
/// What a route needs: nothing (<see cref="IsPublic"/>), or a <see cref="Permission"/>; and, for routes that can show
/// secrets with <c>?reveal=</c>, what revealing them needs.
/// </summary>
public sealed record RouteRule(RouteKey Key, Permission? Needs, Permission? RevealNeeds = null)
{
    public bool IsPublic => Needs is null;

    /// <summary>What this request needs: more when it asks to reveal secrets.</summary>
    public Permission? NeedsFor(bool reveal) =>
        reveal && RevealNeeds is { } more && (Needs is null || more > Needs) ? more : Needs;

    /// <summary>A line of the table as the docs show it: <c>GET /api/deployments/{name}  read, reveal: deploy</c>.</summary>
    public override string ToString() =>
        $"{Key,-48} {(Needs is { } p ? Roles.Name(p) : "public")}{(RevealNeeds is { } r ? ", reveal: " + Roles.Name(r) : "")}";
}

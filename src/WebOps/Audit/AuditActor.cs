using System.Security.Claims;

namespace WebOps.Audit;

/// <summary>Who an audit entry says acted: a name and what kind of name it is.</summary>
public sealed record AuditActor(string Name, string Kind)
{
    public static readonly AuditActor Cli = new("cli", "cli");

    public static readonly AuditActor System = new("system", "system");

    public static AuditActor User(string username) => new(username, "user");

    public static AuditActor Token(string tokenName) => new(tokenName, "token");

    /// <summary>Someone not logged in; for a failed login <paramref name="claimed"/> is the username tried.</summary>
    public static AuditActor Anonymous(string claimed = "anonymous") => new(claimed, "anonymous");

    /// <summary>A request a webhook's signature admitted, named after its source (e.g. <c>github</c>).</summary>
    public static AuditActor Webhook(string source) => new(source, "webhook");

    /// <summary>
    /// The signed-in principal: an API token by the name it was created with (the bearer handler's
    /// <c>webops:token</c> claim), else the user by name; anonymous when no one is signed in.
    /// </summary>
    public static AuditActor From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous();
        }

        return principal.FindFirst("webops:token")?.Value is { } token
            ? Token(token)
            : User(principal.Identity.Name ?? "");
    }
}

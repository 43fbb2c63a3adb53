using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Data;

namespace WebOps.Auth;

/// <summary>Authenticates <c>Authorization: Bearer TOKEN</c> against the stored token hashes.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    WebOpsDbContext db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Compared against when no row was found, so an unknown token is compared like a known one.</summary>
    private static readonly string NoToken = new('0', 64);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
        {
            return AuthenticateResult.Fail("Malformed bearer token.");
        }

        // The same work for every well-formed token, known or not: hash it, look the hash up once, compare once. The
        // lookup is by hash, so its timing says nothing about how close a guess came to a real token; the final
        // comparison is exact and constant-time, whatever the database's string collation treats as equal.
        var hash = TokenHasher.Hash(token);
        var stored = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        var matches = TokenHasher.SameHash(hash, stored?.TokenHash ?? NoToken);
        if (stored is null || !matches)
        {
            return AuthenticateResult.Fail("Unknown API token.");
        }

        // Only a success writes, and the response tells the caller that much anyway.
        stored.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(Context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"token:{stored.Name}"), new Claim("webops:token", stored.Name)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }
}

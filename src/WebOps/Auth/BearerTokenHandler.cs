using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Accounts;
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

        var now = clock.GetUtcNow();
        if (stored.IsExpired(now))
        {
            return AuthenticateResult.Fail(
                $"API token '{stored.Name}' expired at {stored.ExpiresAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. "
                + $"Create a new one with: webops token create --name {stored.Name} --scope {Roles.Name(stored.Scope)} --expires 30d");
        }

        // Only a success writes, and the response tells the caller that much anyway; at most once a minute per token,
        // so a script's burst of calls is not a burst of database writes.
        if (stored.RecordUse(now))
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(AccessClaims.ForToken(stored, Scheme.Name), Scheme.Name));
    }

    /// <summary>
    /// 401 that says why the token was refused (unknown, malformed or expired) in a ProblemDetails body, with RFC 6750's
    /// <c>invalid_token</c> in <c>WWW-Authenticate</c>.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (failure is null)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        // The description goes in the body only: it can hold a token's name, and header values must stay ASCII.
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(failure, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context);
    }
}

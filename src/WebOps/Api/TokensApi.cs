using WebOps.Auth;

namespace WebOps.Api;

/// <summary>API tokens under <c>/api/tokens</c>: list and revoke (create them with <c>webops token create</c>).</summary>
public static class TokensApi
{
    public static IEndpointRouteBuilder MapTokensApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tokens").WithTags("Tokens");
        api.MapGet("/", async (AccountService accounts, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return TypedResults.Ok((await accounts.ListTokensAsync(ct)).Select(t => TokenDto.From(t, now)));
        });
        api.MapDelete("/{id:int}", async (int id, AccountService accounts, CancellationToken ct) =>
            await accounts.RevokeTokenAsync(id, ct)
                ? Results.NoContent()
                : TypedResults.Problem($"No API token with id {id}. List them with GET /api/tokens.", statusCode: 404, title: "Not found"));
        return app;
    }
}

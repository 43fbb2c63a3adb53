using WebOps.Deploys;
using WebOps.Webhooks;

namespace WebOps.Api;

/// <summary>
/// Push to deploy: <c>POST /api/hooks/{name}</c>, which providers call without a login (the signature is the
/// credential), and the deployment's hook settings under <c>/api/deployments/{name}</c>, which need one.
/// </summary>
public static class HooksApi
{
    public static IEndpointRouteBuilder MapHooksApi(this IEndpointRouteBuilder app)
    {
        // Outside the login and antiforgery: GitHub, GitLab and Gitea have no session; the secret authenticates.
        app.MapPost("/api/hooks/{name}", ReceiveAsync).AllowAnonymous().DisableAntiforgery().WithTags("Hooks");

        var api = app.MapGroup("/api/deployments/{name}").WithTags("Hooks");
        api.MapGet("/webhook", GetAsync);
        api.MapPost("/webhook-secret", ReplaceSecretAsync);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string name, HttpRequest request, HookReceiver receiver, CancellationToken ct)
    {
        var answer = await receiver.ReceiveAsync(name, request, ct);
        return answer.Status == StatusCodes.Status202Accepted
            ? TypedResults.Json(new { queued = answer.RunId is not null, reason = answer.Reason, run = answer.RunId }, statusCode: answer.Status)
            : TypedResults.Problem(answer.Reason, statusCode: answer.Status, title: Title(answer.Status));
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, DeploymentService s, DeploymentWebhooks hooks, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var state = await hooks.StateAsync(d, ct);
        return ApiResults.Ok(new WebhookDto(
            DeploymentWebhooks.UrlFor(request, d.Name), state.SecretSet, state.SecretCreatedAt, d.AutoDeploy,
            [.. state.Deliveries.Select(HookDeliveryDto.From)]));
    }

    /// <summary>Creates or replaces the secret; the answer is the only place it is ever shown.</summary>
    private static async Task<IResult> ReplaceSecretAsync(string name, HttpResponse response, DeploymentService s, DeploymentWebhooks hooks, CancellationToken ct)
    {
        if (await s.FindAsync(name, ct) is not { } d)
        {
            return ApiResults.NotFound(name);
        }

        var secret = await hooks.ReplaceSecretAsync(d, ct);
        response.Headers.CacheControl = "no-store";
        return ApiResults.Ok(new { webhook_secret = secret });
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status413PayloadTooLarge => "Payload too large",
        StatusCodes.Status409Conflict => "Not possible now",
        _ => "Bad request",
    };
}

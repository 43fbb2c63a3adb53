using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace WebOps.Auth;

/// <summary>
/// Answers a refused, signed-in request with 403 and the reason <see cref="PermissionHandler"/> gave: a ProblemDetails
/// body for the API, plain text for pages (a redirect to an access-denied page would hide the status code).
/// Everything else (let through, or not signed in: 401 or the login page) is left to the framework.
/// </summary>
public sealed class ForbiddenResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message
            ?? "This account or token may not do this. Ask an admin.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("403 Forbidden: " + reason + "\n", context.RequestAborted);
    }
}

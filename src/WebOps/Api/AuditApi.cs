using WebOps.Audit;
using WebOps.Data;

namespace WebOps.Api;

/// <summary><c>GET /api/audit</c>: the audit log, newest first, filtered and paged (see <see cref="AuditQuery"/>).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit");
        api.MapGet("/", ListAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WebOpsDbContext db, CancellationToken ct)
    {
        var (query, errors) = AuditQuery.Parse(request.Query);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                detail: string.Join("; ", errors),
                title: "The audit log was not searched: fix the query parameters listed in errors.");
        }

        return TypedResults.Ok(AuditListDto.From(await AuditResult.FindAsync(db, query, ct)));
    }
}

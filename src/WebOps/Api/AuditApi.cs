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
        var (query, errors) = AuditQuery.Parse(request);
        return errors.Count > 0
            ? QueryValues.Refusal(errors)
            : TypedResults.Ok(AuditListDto.From(await AuditResult.FindAsync(db, query, ct)));
    }
}

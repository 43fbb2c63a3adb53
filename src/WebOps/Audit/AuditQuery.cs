using WebOps.Api;
using WebOps.Core.Validation;
using WebOps.Data.Entities;

namespace WebOps.Audit;

/// <summary>
/// A search of the audit log, as <c>GET /api/audit</c> and the <c>/audit</c> page take it from the query string:
/// exact <c>action</c>, <c>actor</c> and <c>target</c>, up to <c>limit</c> entries (default 100, at most 1000), newest
/// first, older than the entry <c>before</c> (the previous page's <c>next_before</c>).
/// </summary>
public sealed record AuditQuery(string? Action, string? Actor, string? Target, int Limit, long? Before)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const int MaxTextLength = 200;

    public static readonly AuditQuery Newest = new(null, null, null, DefaultLimit, null);

    /// <summary>
    /// Reads the query string; every bad value gives one error named after its parameter, the numbers worded as
    /// every other endpoint words them (<see cref="QueryValues"/>).
    /// </summary>
    public static (AuditQuery Query, IReadOnlyList<FieldError> Errors) Parse(HttpRequest request)
    {
        var errors = new List<FieldError>();
        var action = Text(request, "action", errors);
        if (action is not null && !AuditActions.All.Contains(action, StringComparer.Ordinal))
        {
            errors.Add(new FieldError("action", $"'{Shown(action)}' is not an audit action; use one of {string.Join(", ", AuditActions.All)}"));
        }

        var actor = Text(request, "actor", errors);
        var target = Text(request, "target", errors);
        var limit = QueryValues.Read(request, "limit", 1, MaxLimit, errors) ?? DefaultLimit;
        var before = QueryValues.Read(request, "before", 1, long.MaxValue, errors);
        return (new AuditQuery(action, actor, target, (int)limit, before), errors);
    }

    /// <summary>The entries matching, newest first, one more than the limit so the caller knows whether more follow.</summary>
    public IQueryable<AuditEntry> ApplyTo(IQueryable<AuditEntry> entries)
    {
        if (Action is not null)
        {
            entries = entries.Where(e => e.Action == Action);
        }

        if (Actor is not null)
        {
            entries = entries.Where(e => e.Actor == Actor);
        }

        if (Target is not null)
        {
            entries = entries.Where(e => e.Target == Target);
        }

        if (Before is { } before)
        {
            entries = entries.Where(e => e.Id < before);
        }

        return entries.OrderByDescending(e => e.Id).Take(Limit + 1);
    }

    /// <summary>An empty value means "any", as an empty filter box on the page does.</summary>
    private static string? Text(HttpRequest request, string name, List<FieldError> errors)
    {
        var values = request.Query[name];
        if (values.Count > 1)
        {
            errors.Add(new FieldError(name, $"is given {values.Count} times; give it once"));
            return null;
        }

        if (values.Count == 0 || values[0] is not { } text || text.Trim().Length == 0)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            errors.Add(new FieldError(name, $"is longer than {MaxTextLength} characters; no {name} is that long"));
            return null;
        }

        return text.Trim();
    }

    /// <summary>Echoes a bad value back, but not a page of it.</summary>
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

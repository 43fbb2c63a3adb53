using System.Net;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Audit;

/// <summary>
/// Writes the audit log. Each action calls <see cref="RecordAsync"/> once, where it happens (the shared service
/// behind page and API), after it succeeded. Who acted and from where come from the current request; outside a
/// request from <see cref="ActingAs"/>, else <see cref="OutsideRequests"/>.
/// </summary>
public sealed partial class AuditLog(
    IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<AuditLog> logger)
{
    private const int MaxNameLength = 200;
    private const int MaxDetailsLength = 2000;
    private const int MaxAddressLength = 64;

    private static readonly AsyncLocal<AuditActor?> Ambient = new();

    /// <summary>
    /// Who acts outside a request: <c>system</c> in the served panel (background work), <c>cli</c> once the admin
    /// verbs set it at start.
    /// </summary>
    public AuditActor OutsideRequests { get; set; } = AuditActor.System;

    /// <summary>
    /// Until disposed, entries recorded by this flow name <paramref name="actor"/>, whatever the request says: for
    /// work a request does on someone else's behalf (a webhook delivery is anonymous HTTP, but its source is known).
    /// </summary>
    public static IDisposable ActingAs(AuditActor actor)
    {
        var before = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(() => Ambient.Value = before);
    }

    /// <summary>
    /// Appends one entry. <paramref name="details"/> carries names only (changed fields, a run number), never a
    /// value: values may be secrets. The action has already happened when this is called, so a write that fails is
    /// logged, not thrown, and a client that went away does not cancel it: the entry is written in its own unit of
    /// work, apart from the caller's unsaved changes.
    /// </summary>
    public async Task RecordAsync(string action, string? target, string? details = null, AuditActor? actor = null)
    {
        var context = http.HttpContext;
        var who = actor ?? Ambient.Value ?? (context is null ? OutsideRequests : AuditActor.From(context.User));
        var entry = new AuditEntry
        {
            Time = clock.GetUtcNow(),
            Actor = Cut(who.Name, MaxNameLength),
            ActorKind = who.Kind,
            Action = action,
            Target = target is null ? null : Cut(target, MaxNameLength),
            Details = details is null ? null : Cut(details, MaxDetailsLength),
            Address = Address(context?.Connection.RemoteIpAddress) is { } a ? Cut(a, MaxAddressLength) : null,
        };
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogWriteFailed(logger, e, action, target ?? "-", entry.Actor);
        }
    }

    /// <summary>IPv4 clients reach a dual-stack listener as IPv4-mapped IPv6; they are shown as the IPv4 address they are.</summary>
    public static string? Address(IPAddress? address) =>
        address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the audit entry {Action} on {Target} by {Actor}; the action itself went ahead")]
    private static partial void LogWriteFailed(ILogger logger, Exception e, string action, string target, string actor);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

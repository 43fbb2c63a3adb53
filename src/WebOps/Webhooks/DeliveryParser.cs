using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace WebOps.Webhooks;

/// <summary>
/// Reads what a delivery is about from the provider's event header and payload: GitHub, GitLab and Gitea push events
/// carry <c>ref: refs/heads/BRANCH</c> (or <c>refs/tags/TAG</c>); the generic form is an optional JSON object with
/// <c>ref</c> or <c>branch</c>.
/// </summary>
public static class DeliveryParser
{
    private const string Heads = "refs/heads/";
    private const string Tags = "refs/tags/";

    public static DeliveryEvent Parse(HookProvider provider, HookHeaders headers, ReadOnlySpan<byte> body)
    {
        if (provider == HookProvider.Generic)
        {
            return Generic(body);
        }

        var name = headers.EventFor(provider) ?? "";
        return (provider, name.ToLowerInvariant()) switch
        {
            (_, "ping") => new DeliveryEvent(DeliveryKind.Ping, name),
            (HookProvider.GitHub or HookProvider.Gitea, "push") or (HookProvider.GitLab, "push hook" or "tag push hook") => Push(name, Json(body, headers)),
            _ => new DeliveryEvent(DeliveryKind.Other, name.Length == 0 ? "(none)" : name),
        };
    }

    private static DeliveryEvent Push(string name, JsonElement payload)
    {
        var reference = Text(payload, "ref") ?? throw new HookPayloadException($"The {name} payload has no 'ref'; expected \"ref\": \"refs/heads/BRANCH\".");
        var commit = Text(payload, "after");
        // GitHub says "deleted": true; GitLab and Gitea send the all-zero commit as "after".
        var deleted = payload.TryGetProperty("deleted", out var d) && d.ValueKind == JsonValueKind.True
            || commit is { Length: > 0 } && commit.All(c => c == '0');
        return reference switch
        {
            _ when reference.StartsWith(Heads, StringComparison.Ordinal) => new DeliveryEvent(DeliveryKind.Push, name, reference[Heads.Length..], commit, deleted),
            _ when reference.StartsWith(Tags, StringComparison.Ordinal) => new DeliveryEvent(DeliveryKind.Tag, name, reference[Tags.Length..], commit, deleted),
            _ => new DeliveryEvent(DeliveryKind.Other, name, reference, commit, deleted),
        };
    }

    /// <summary>No body, or an object whose <c>branch</c>, else <c>ref</c> (a branch name or a full ref), names what to deploy.</summary>
    private static DeliveryEvent Generic(ReadOnlySpan<byte> body)
    {
        if (IsBlank(body))
        {
            return new DeliveryEvent(DeliveryKind.Push, "push");
        }

        var payload = Json(body, new HookHeaders());
        var branch = Text(payload, "branch");
        var reference = Text(payload, "ref");
        return branch is not null ? new DeliveryEvent(DeliveryKind.Push, "push", branch)
            : reference is null ? new DeliveryEvent(DeliveryKind.Push, "push")
            : reference.StartsWith(Tags, StringComparison.Ordinal) ? new DeliveryEvent(DeliveryKind.Tag, "push", reference[Tags.Length..])
            : new DeliveryEvent(DeliveryKind.Push, "push", reference.StartsWith(Heads, StringComparison.Ordinal) ? reference[Heads.Length..] : reference);
    }

    /// <summary>The payload as a JSON object; GitHub may send it form-encoded as <c>payload=JSON</c>.</summary>
    private static JsonElement Json(ReadOnlySpan<byte> body, HookHeaders headers)
    {
        var bytes = body.ToArray();
        if (headers.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes));
            bytes = Encoding.UTF8.GetBytes(form.TryGetValue("payload", out var p) ? p.ToString() : "");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new HookPayloadException($"The body is JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object; send {{\"ref\": \"refs/heads/BRANCH\"}} or nothing.");
        }
        catch (JsonException e)
        {
            throw new HookPayloadException($"The body is not valid JSON ({e.Message}); send {{\"ref\": \"refs/heads/BRANCH\"}} or nothing.");
        }
    }

    private static string? Text(JsonElement payload, string field) =>
        payload.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.Json;
using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>
/// Reads an executable health_check hook's verdict: the exit code, plus the last stdout line when it is a JSON
/// object. Its members become metrics, and <c>"status": "unhealthy"</c> marks the app unhealthy.
/// </summary>
internal static class HealthLine
{
    public static HookResult Apply(int exitCode, HookOutput output, Dictionary<string, object?> metrics)
    {
        string? reported = null;
        string? message = null;
        if (output.LastStdout?.Trim() is { } last && last.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(last);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in doc.RootElement.EnumerateObject())
                    {
                        metrics[member.Name] = ToValue(member.Value);
                    }

                    reported = Text(doc.RootElement, "status");
                    message = Text(doc.RootElement, "message");
                }
            }
            catch (JsonException)
            {
                // Not a metrics line; it was logged like any other output.
            }
        }

        if (exitCode != 0)
        {
            return HookResult.Unhealthy(ExecutableHook.ExitMessage(exitCode, output));
        }

        if (string.Equals(reported, "unhealthy", StringComparison.OrdinalIgnoreCase))
        {
            return HookResult.Unhealthy(message ?? "reported status 'unhealthy'");
        }

        return HookResult.Healthy(message);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}

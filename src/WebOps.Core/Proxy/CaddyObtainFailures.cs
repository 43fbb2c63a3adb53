using System.Text.Json;

namespace WebOps.Core.Proxy;

/// <summary>
/// Why Caddy could not get a certificate, per name, from its JSON log lines: the newest failure of each name
/// (<c>"identifier"</c> with <c>"error"</c>), forgotten again when a later line says the name got its certificate.
/// Lines that are not JSON (Caddy's start-up banner, a truncated first line) are skipped.
/// </summary>
public static class CaddyObtainFailures
{
    private const string Obtained = "certificate obtained successfully";

    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (Read(line) is not var (identifier, message, error))
            {
                continue;
            }

            if (error is not null)
            {
                failures[identifier] = error;
            }
            else if (message == Obtained)
            {
                failures.Remove(identifier);
            }
        }

        return failures;
    }

    private static (string Identifier, string? Message, string? Error)? Read(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object && Text(root, "identifier") is { Length: > 0 } identifier
                ? (identifier, Text(root, "msg"), Text(root, "error"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;

namespace WebOps.Addons.Docker.Llm;

/// <summary>Reads vLLM's <c>GET /v1/models</c> answer: <c>{"object":"list","data":[{"id":"..."}]}</c>.</summary>
public static class VllmModels
{
    public const string Path = "/v1/models";

    /// <summary>True when the answer lists <paramref name="servedName"/>; false for anything else, malformed JSON included.</summary>
    public static bool Lists(string json, string servedName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Array
                && data.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.Object
                    && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == servedName);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

using System.Text.Json;

namespace WebOps.Cli.Client;

/// <summary>How the client reads the API: snake_case names; unknown fields ignored (a newer panel may add some).</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

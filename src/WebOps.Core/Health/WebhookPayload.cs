using System.Globalization;
using System.Text.Json;

namespace WebOps.Core.Health;

/// <summary>The JSON body POSTed to <c>Health:WebhookUrl</c> when a deployment turns unhealthy.</summary>
public static class WebhookPayload
{
    public static string Unhealthy(string deployment, string cause, DateTimeOffset time)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deployment", deployment);
            json.WriteString("health", "unhealthy");
            json.WriteString("cause", cause);
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

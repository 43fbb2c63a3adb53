using WebOps.Core.Health;

namespace WebOps.Tests.Unit.Health;

public class WebhookPayloadTests
{
    [Fact]
    public void Payload_names_deployment_health_cause_and_utc_time()
    {
        var json = WebhookPayload.Unhealthy("blog", "GET / answered 503 in 12 ms", new DateTimeOffset(2026, 11, 28, 16, 5, 9, 120, TimeSpan.FromHours(1)));

        Assert.Equal(
            """{"deployment":"blog","health":"unhealthy","cause":"GET / answered 503 in 12 ms","time":"2026-11-28T15:05:09.120Z"}""",
            json);
    }

    [Fact]
    public void Quotes_and_control_characters_in_the_cause_stay_valid_json()
    {
        var json = WebhookPayload.Unhealthy("blog", "said \"no\"\nthen quit", DateTimeOffset.UnixEpoch);

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("said \"no\"\nthen quit", doc.RootElement.GetProperty("cause").GetString());
    }
}

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>A GET through the edge proxy by host name, retried (bounded) until it answers 2xx.</summary>
public static class EdgeGet
{
    /// <summary>The trimmed body of the first 2xx answer, or of the last answer once <paramref name="seconds"/> have passed.</summary>
    public static async Task<string> BodyAsync(int httpPort, string domain, string path = "/", int seconds = 30)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{httpPort}{path}");
            request.Headers.Host = domain;
            try
            {
                using var response = await http.SendAsync(request);
                var body = (await response.Content.ReadAsStringAsync()).Trim();
                if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
                {
                    return body;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // The edge takes a route within about a second of the deploy or start.
            }

            await Task.Delay(200);
        }
    }
}

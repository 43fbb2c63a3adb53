using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace WebOps.Tests.Integration.Webhooks;

/// <summary>
/// Sends deliveries the way each provider does (headers as GitHub, GitLab, Gitea and a CI job send them), signing with
/// HMACs computed here, independently of the panel's code.
/// </summary>
internal static class HookSender
{
    public static readonly string[] Providers = ["github", "gitlab", "gitea", "generic"];

    /// <summary>The push event name each provider sends.</summary>
    public static string PushEvent(string provider) => provider switch
    {
        "gitlab" => "Push Hook",
        _ => "push",
    };

    public static string PushBody(string branch, string after = "9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d") =>
        $$"""{"ref":"refs/heads/{{branch}}","before":"0000000000000000000000000000000000000001","after":"{{after}}","repository":{"name":"app","full_name":"me/app"},"pusher":{"name":"me"},"created":false}""";

    public static string TagBody(string tag) =>
        $$"""{"ref":"refs/tags/{{tag}}","after":"9f2c1e0d8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d"}""";

    /// <summary>A delivery signed with <paramref name="secret"/> (null: no signature header at all).</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string provider, string name, string? secret, string? eventName, string body)
    {
        using var request = Request(provider, name, secret, eventName, Encoding.UTF8.GetBytes(body));
        return await client.SendAsync(request);
    }

    public static HttpRequestMessage Request(string provider, string name, string? secret, string? eventName, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{name}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        switch (provider)
        {
            case "github":
                request.Headers.UserAgent.ParseAdd("GitHub-Hookshot/044aadd");
                request.Headers.Add("X-GitHub-Event", eventName ?? "push");
                request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
                if (secret is not null)
                {
                    request.Headers.Add("X-Hub-Signature-256", "sha256=" + Hmac(secret, body));
                }

                break;
            case "gitlab":
                request.Headers.UserAgent.ParseAdd("GitLab/17.0.0");
                request.Headers.Add("X-Gitlab-Event", eventName ?? "Push Hook");
                if (secret is not null)
                {
                    request.Headers.Add("X-Gitlab-Token", secret);
                }

                break;
            case "gitea":
                // Gitea (and Forgejo) also send GitHub's event header for compatibility.
                request.Headers.UserAgent.ParseAdd("Go-http-client/1.1");
                request.Headers.Add("X-Gitea-Event", eventName ?? "push");
                request.Headers.Add("X-GitHub-Event", eventName ?? "push");
                request.Headers.Add("X-Gitea-Delivery", Guid.NewGuid().ToString());
                if (secret is not null)
                {
                    request.Headers.Add("X-Gitea-Signature", Hmac(secret, body));
                }

                break;
            default:
                if (secret is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                }

                break;
        }

        return request;
    }

    public static string Hmac(string secret, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(body)).ToLowerInvariant();
    }
}

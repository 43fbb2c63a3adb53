using System.Text.RegularExpressions;

namespace WebOps.Tests.Integration.Infrastructure;

/// <summary>A page with a form, fetched like a browser would, so posts carry its antiforgery token.</summary>
public sealed partial class FormPage(string url, string html)
{
    public string Url { get; } = url;

    public string Html { get; } = html;

    public string? AntiforgeryToken =>
        TokenPattern().Match(Html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static async Task<FormPage> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return new FormPage(url, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, bool withToken = true, string? handlerUrl = null)
    {
        var all = new List<KeyValuePair<string, string>>(fields);
        if (withToken && AntiforgeryToken is { } token)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        return client.PostAsync(handlerUrl ?? Url, new FormUrlEncodedContent(all));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

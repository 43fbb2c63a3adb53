namespace WebOps.Cli.Client;

/// <summary>Which panel a client verb talks to, with which token, and where that token came from (for error hints).</summary>
public sealed record PanelTarget(string Url, string Token, string TokenSource)
{
    public const string DefaultUrl = "http://127.0.0.1:8000";

    /// <summary>
    /// URL: <c>--url</c>, else the panel last logged into, else the default. Token: <c>--token</c>, else
    /// WEBOPS_TOKEN, else the one saved for that very URL (a token saved for one panel is never sent to another).
    /// </summary>
    public static PanelTarget Resolve(string? urlOption, string? tokenOption, string? environmentToken, IReadOnlyList<SavedLogin> saved)
    {
        var url = urlOption is null ? (saved.Count > 0 ? saved[0].Url : DefaultUrl) : Normalize(urlOption);
        if (!string.IsNullOrEmpty(tokenOption))
        {
            return new PanelTarget(url, tokenOption, "--token");
        }

        if (!string.IsNullOrEmpty(environmentToken))
        {
            return new PanelTarget(url, environmentToken, "WEBOPS_TOKEN");
        }

        if (saved.FirstOrDefault(s => s.Url == url) is { } login)
        {
            return new PanelTarget(url, login.Token, "the saved login");
        }

        throw new CliException(
            $"No API token for {url}: run `webops login --url {url}`, set WEBOPS_TOKEN, or pass --token (make one with `webops token create --name NAME`).");
    }

    /// <summary>An absolute http(s) URL without a trailing slash, so the same panel is always spelled the same.</summary>
    public static string Normalize(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            ? uri.AbsoluteUri.TrimEnd('/')
            : throw new CliException($"--url: '{url}' is not an http:// or https:// address, e.g. {DefaultUrl}.");
}

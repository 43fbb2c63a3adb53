using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebOps.Cli.Client;

/// <summary>
/// The API as the client verbs use it. Every failure becomes a <see cref="PanelException"/> whose message names the
/// panel, the cause and the next step; refusals from the API are shown as the API wrote them.
/// </summary>
public sealed class PanelClient : IDisposable
{
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(30);
    private readonly HttpClient http;

    public PanelClient(PanelTarget target)
    {
        Target = target;
        var loopback = Uri.TryCreate(target.Url, UriKind.Absolute, out var uri) && uri.IsLoopback;
        http = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            // A proxy from the environment cannot reach this machine's loopback panel.
            UseProxy = !loopback,
        })
        {
            // Limits are per request: the event stream stays open for as long as a deploy runs.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("webops-cli", typeof(PanelClient).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    public PanelTarget Target { get; }

    public static string Path(string name, string? rest = null) =>
        $"/api/deployments/{Uri.EscapeDataString(name)}{(rest is null ? "" : "/" + rest)}";

    public async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Target.Url + path), null, HttpCompletionOption.ResponseContentRead, ct);
        return await ReadAsync<T>(response, path, ct);
    }

    /// <param name="notFound">The message when the panel answers 404 without saying why (an endpoint it does not have).</param>
    public async Task<T> PostAsync<T>(string path, object? body, string? notFound, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Target.Url + path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: ApiJson.Options),
        };
        using var response = await SendAsync(request, notFound, HttpCompletionOption.ResponseContentRead, ct);
        return await ReadAsync<T>(response, path, ct);
    }

    /// <summary>Opens a long response (the event stream); only connecting and the headers are time-limited.</summary>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Target.Url + path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await SendAsync(request, null, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? notFound, HttpCompletionOption completion, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(RequestLimit);
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await http.SendAsync(request, completion, limit.Token);
            }
        }
        catch (HttpRequestException e)
        {
            throw new PanelException($"no panel answers at {Target.Url}: is `webops serve` running? ({e.Message})", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PanelException($"the panel at {Target.Url} did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {RequestLimit.TotalSeconds:0} s; is it overloaded?", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await RefusalAsync(response, notFound, ct);
        }
    }

    private async Task<PanelException> RefusalAsync(HttpResponseMessage response, string? notFound, CancellationToken ct)
    {
        var problem = await ReadProblemAsync(response, ct);
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => new PanelException(
                $"the token was refused: run `webops login` or set WEBOPS_TOKEN (the panel at {Target.Url} did not accept the token from {Target.TokenSource})"),
            HttpStatusCode.Forbidden => new PanelException($"the panel refused {what}: {(problem?.Describe() is { Length: > 0 } d ? d : "this token may not do that")}"),
            HttpStatusCode.NotFound when notFound is not null && string.IsNullOrEmpty(problem?.Detail) => new PanelException(notFound),
            // A title alone ("Not Found") says less than the status line with the request.
            _ when problem is { Detail.Length: > 0 } or { Errors.Count: > 0 } => new PanelException(problem.Describe()),
            _ => new PanelException($"the panel at {Target.Url} answered {(int)response.StatusCode} {response.ReasonPhrase} to {what}"),
        };
    }

    private static async Task<Problem?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(ApiJson.Options, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string path, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct)
                ?? throw new PanelException($"the panel at {Target.Url} answered {path} with an empty body");
        }
        catch (JsonException e)
        {
            throw new PanelException($"{Target.Url} answered {path} with something that is not the WebOps API ({e.Message}); is --url the panel's address?", e);
        }
    }

    public void Dispose() => http.Dispose();
}

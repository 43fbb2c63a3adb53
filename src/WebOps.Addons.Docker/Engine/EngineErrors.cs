using System.Net.Sockets;
using Docker.DotNet;

namespace WebOps.Addons.Docker.Engine;

/// <summary>Turns transport failures into messages that say what to do; engine answers (HTTP errors) pass through.</summary>
internal static class EngineErrors
{
    /// <summary>True when the call never got an answer from the engine (as opposed to an engine error or a cancellation).</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is not (DockerApiException or OperationCanceledException or DockerUnavailableException)
        && (exception is TimeoutException || Find<SocketException>(exception) is not null
            || Find<HttpRequestException>(exception) is not null || Find<IOException>(exception) is not null);

    public static DockerUnavailableException Unreachable(Exception exception, string endpoint)
    {
        var socketError = Find<SocketException>(exception);
        var socketPath = SocketPath(endpoint);
        if (socketError?.SocketErrorCode == SocketError.AccessDenied)
        {
            return new DockerUnavailableException(
                $"Docker is not available: permission denied on {socketPath ?? endpoint}: run WebOps as root or add its user to the docker group.",
                exception);
        }

        var cause = socketPath is not null && !File.Exists(socketPath)
            ? $"{socketPath} does not exist"
            : (socketError ?? Innermost(exception)).Message;
        return new DockerUnavailableException(
            $"Docker is not available: cannot reach the Docker engine at {endpoint}: {cause}. Install Docker or start the daemon.",
            exception);
    }

    /// <summary>The engine refuses a client version newer than its own; other errors keep the engine's message.</summary>
    public static string Describe(DockerApiException exception) =>
        ExtractMessage(exception.ResponseBody) ?? $"{(int)exception.StatusCode} {exception.StatusCode}";

    public static string? SocketPath(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme == "unix" ? uri.LocalPath : null;

    private static string? ExtractMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var message) ? message.GetString() : body.Trim();
        }
        catch (System.Text.Json.JsonException)
        {
            return body.Trim();
        }
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }

            if (current is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                return aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(e => e is not null);
            }
        }

        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current;
    }
}

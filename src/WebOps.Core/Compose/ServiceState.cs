namespace WebOps.Core.Compose;

/// <summary>
/// One compose service as the engine sees it: <see cref="State"/> is Docker's (running, exited, restarting…),
/// <see cref="ExitCode"/> is set once it stopped (while it restarts: its last), <see cref="Health"/> is its HEALTHCHECK's verdict (healthy,
/// unhealthy, starting) or null without one.
/// </summary>
public sealed record ServiceState(string Service, string State, int? ExitCode, string? Health)
{
    /// <summary>Why this service makes its deployment unhealthy, or null when it is fine.</summary>
    public string? Problem() => (State, Health) switch
    {
        ("running", "unhealthy") => $"service {Service} is running but its HEALTHCHECK reports it unhealthy",
        ("running", _) => null,
        ("exited", _) => $"service {Service} exited with code {ExitCode}",
        ("restarting", _) when ExitCode is { } code => $"service {Service} keeps restarting (last exit code {code})",
        _ => $"service {Service} is {State}",
    };

    /// <summary>How the detail page and the log show it, e.g. <c>exited (code 3)</c> or <c>running, healthy</c>.</summary>
    public string Describe() => State switch
    {
        "exited" => $"exited (code {ExitCode})",
        _ when Health is not null => $"{State}, {Health}",
        _ => State,
    };

    /// <summary>The deployment's verdict over all services: null when every one is fine.</summary>
    public static string? Unhealthy(IReadOnlyList<ServiceState> services) =>
        services.Count == 0 ? "no service of the Compose project exists; deploy it first" :
        services.Select(s => s.Problem()).OfType<string>().ToList() is { Count: > 0 } problems ? string.Join("; ", problems) : null;
}

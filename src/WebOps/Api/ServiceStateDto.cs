using WebOps.Core.Compose;

namespace WebOps.Api;

/// <summary>One service of a Compose deployment as the API shows it: <c>{"name", "state", "exit_code", "health", "problem"}</c>.</summary>
public sealed record ServiceStateDto(string Name, string State, int? ExitCode, string? Health, string? Problem)
{
    public static ServiceStateDto From(ServiceState s) => new(s.Service, s.State, s.ExitCode, s.Health, s.Problem());
}

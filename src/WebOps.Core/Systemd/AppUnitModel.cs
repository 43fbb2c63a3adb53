using WebOps.Core.Resources;

namespace WebOps.Core.Systemd;

/// <summary>An app run as a plain process by systemd (no container).</summary>
public sealed record AppUnitModel
{
    /// <summary>The deployment name, used in the description.</summary>
    public required string Name { get; init; }

    /// <summary>The program (an absolute path) and its arguments, unquoted: the renderer quotes each one.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Absolute path of the folder the app starts in.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Absolute path of the environment file the unit reads (<c>EnvironmentFile=</c>).</summary>
    public required string EnvironmentFile { get; init; }

    /// <summary>The app's variables: written to the environment file, never to the unit.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The user the app runs as; null leaves the unit's default (root for system units).</summary>
    public string? User { get; init; }

    /// <summary>The deployment's limits and restart policy, written as unit directives (<see cref="UnitDirectives"/>).</summary>
    public ResourceSettings Resources { get; init; } = new();
}

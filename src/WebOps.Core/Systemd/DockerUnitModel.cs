namespace WebOps.Core.Systemd;

/// <summary>A Docker deployment as a systemd unit that runs its container in the foreground.</summary>
public sealed record DockerUnitModel
{
    /// <summary>The deployment name; the container is <c>webops-{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Everything after <c>docker run --rm --name webops-{Name} --env-file {EnvironmentFile}</c>: options (<c>-v</c>,
    /// <c>-p</c>, <c>--network</c>, <c>--label</c>, ...), the image, then any command. No <c>-e</c>: the variables go
    /// through <see cref="Environment"/>. Unquoted: the renderer quotes each one.
    /// </summary>
    public required IReadOnlyList<string> RunArguments { get; init; }

    /// <summary>Absolute path of the env file <c>docker run --env-file</c> reads.</summary>
    public required string EnvironmentFile { get; init; }

    /// <summary>The container's variables: written to the env file, never to the unit.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];
}

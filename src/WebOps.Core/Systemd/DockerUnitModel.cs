namespace WebOps.Core.Systemd;

/// <summary>A Docker deployment as a systemd unit that runs its container in the foreground.</summary>
public sealed record DockerUnitModel
{
    /// <summary>The deployment name; the container is <c>webops-{Name}</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Everything after <c>docker run --rm --name webops-{Name}</c>: options (<c>-e</c>, <c>-v</c>, <c>-p</c>,
    /// <c>--network</c>, <c>--label</c>, ...), the image, then any command. Unquoted: the renderer quotes each one.
    /// </summary>
    public required IReadOnlyList<string> RunArguments { get; init; }
}

namespace WebOps.Core.Runtime;

/// <summary>
/// What the runtime hook of a deploy started, returned as a value so the deploy records exactly that: a
/// <see cref="RunningContainer"/> or a <see cref="RunningProcess"/>.
/// </summary>
public abstract record RunningApp
{
    /// <summary>Published ports as people read them, e.g. <c>127.0.0.1:49160-&gt;80/tcp</c>.</summary>
    public IReadOnlyList<string> PublishedPorts { get; init; } = [];

    /// <summary>The address where the app answers; null for a container without a network.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The loopback port the app now answers at, when the deploy moved it (a release started beside the old one);
    /// null when it kept the deployment's host port.
    /// </summary>
    public int? HostPort { get; init; }

    /// <summary>One line for the deploy log, e.g. <c>container 3f2a… running webops/blog:deploy-4</c>.</summary>
    public abstract string Describe();

    /// <summary>Where the app answers, for the deploy log's last line: <c> at URL</c>, or why it has no address.</summary>
    public virtual string Where() => Url is null ? " (no published address)" : $" at {Url}";
}

namespace WebOps.Core.Runtime;

/// <summary>
/// A running instance's current run: when it started, and when its main process last ended (null when it never
/// did), which is the moment a restart policy took over.
/// </summary>
public sealed record InstanceRun(DateTimeOffset StartedAt, DateTimeOffset? LastExitAt);

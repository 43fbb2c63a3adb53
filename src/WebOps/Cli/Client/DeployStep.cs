namespace WebOps.Cli.Client;

/// <summary>
/// The step a deploy is at, read from its log as it goes: the checkout, detection, the plan, then each hook event
/// (hooks log "EVENT started" under their addon's name). The spinner shows it.
/// </summary>
public static class DeployStep
{
    public const string Queued = "waiting in the deploy queue";

    public static string After(string current, LogEntry line) => (line.Source, line.Message) switch
    {
        ("webops", var m) when m.StartsWith("Deploy #", StringComparison.Ordinal) && m.Contains("' started: ", StringComparison.Ordinal) => "starting",
        ("git", _) => "checking out the repository",
        ("webops", var m) when m.StartsWith("Detected ", StringComparison.Ordinal) => "detecting the project",
        ("webops", var m) when m.StartsWith("Plan:", StringComparison.Ordinal) => "planning the build",
        (var source, var m) when source != "webops" && HookEvent(m) is { } hookEvent => $"{hookEvent} ({source})",
        _ => current,
    };

    /// <summary>"post_deployment" from "post_deployment started"; null for any other line.</summary>
    private static string? HookEvent(string message) =>
        message.EndsWith(" started", StringComparison.Ordinal) && message[..^" started".Length] is { Length: > 0 } e && !e.Contains(' ', StringComparison.Ordinal)
            ? e
            : null;
}

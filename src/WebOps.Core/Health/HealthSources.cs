namespace WebOps.Core.Health;

/// <summary>What produced a health history entry.</summary>
public static class HealthSources
{
    /// <summary>The periodic check of every running deployment (health_check hooks).</summary>
    public const string Sweep = "sweep";

    /// <summary>A container event from the engine (die, oom, health_status, start), or a check it triggered.</summary>
    public const string Event = "event";

    /// <summary>The HTTP request from the host to the app's published port.</summary>
    public const string Probe = "probe";
}

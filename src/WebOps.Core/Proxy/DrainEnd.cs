namespace WebOps.Core.Proxy;

/// <summary>Why the drain of a previous release ended.</summary>
public enum DrainEnd
{
    /// <summary>The edge had no request in flight to the previous release.</summary>
    Idle,

    /// <summary>The drain timeout passed with requests still in flight.</summary>
    TimedOut,

    /// <summary>The edge could not say what was in flight, so the drain ran to its timeout.</summary>
    Unknown,

    /// <summary>The deploy was cancelled: the previous release stops now.</summary>
    Cancelled,
}

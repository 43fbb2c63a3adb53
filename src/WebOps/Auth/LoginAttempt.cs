namespace WebOps.Auth;

/// <summary>
/// The throttle's answer to one login try: either refused, with the time until a try is let through again, or
/// allowed and already counted as a failure against <see cref="Keys"/> until <see cref="LoginThrottle.Succeeded"/>
/// takes it back.
/// </summary>
public sealed record LoginAttempt(bool Allowed, TimeSpan RetryAfter, LoginKeys Keys);

namespace WebOps.Auth.TwoFactor;

public enum TotpOutcome
{
    /// <summary>Not a code of this secret for now or the step either side.</summary>
    Wrong,

    /// <summary>A right code, for a step no code was accepted for yet.</summary>
    Accepted,

    /// <summary>A right code, but its step (or a later one) was already used.</summary>
    Reused,
}

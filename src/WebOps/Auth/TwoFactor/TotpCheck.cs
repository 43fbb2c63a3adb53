namespace WebOps.Auth.TwoFactor;

/// <summary>What checking a code found, and for an accepted or reused code the time step it belongs to.</summary>
public sealed record TotpCheck(TotpOutcome Outcome, long Step)
{
    public static TotpCheck Wrong { get; } = new(TotpOutcome.Wrong, 0);

    public static TotpCheck Accepted(long step) => new(TotpOutcome.Accepted, step);

    public static TotpCheck Reused(long step) => new(TotpOutcome.Reused, step);
}

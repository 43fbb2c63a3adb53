namespace WebOps.Auth.TwoFactor;

/// <summary>What the second login step found in what was typed.</summary>
public enum SecondFactorResult
{
    /// <summary>Neither a current code nor an unused recovery code.</summary>
    Wrong,

    /// <summary>A right code whose time step was already used.</summary>
    Reused,

    /// <summary>A current code from the authenticator app.</summary>
    Code,

    /// <summary>One of the recovery codes; it is used up now.</summary>
    RecoveryCode,
}

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary>What set-up showed: the secret (base32) and the ten recovery codes.</summary>
internal sealed record Enrolled(string Secret, IReadOnlyList<string> RecoveryCodes);

namespace WebOps.Tests.Integration.TwoFactor;

/// <summary>What set-up showed (the secret in base32, the ten recovery codes) and the code that confirmed it.</summary>
internal sealed record Enrolled(string Secret, IReadOnlyList<string> RecoveryCodes, string ConfirmedWith);

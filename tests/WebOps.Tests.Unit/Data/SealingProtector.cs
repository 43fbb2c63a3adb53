using WebOps.Data.Secrets;

namespace WebOps.Tests.Unit.Data;

/// <summary>A visible, reversible "encryption", so a test can tell a sealed column from a plain one.</summary>
internal sealed class SealingProtector : ISecretProtector
{
    public const string Prefix = "sealed:";

    public string Protect(string plaintext) => Prefix + new string(plaintext.Reverse().ToArray());

    public string Unprotect(string protectedText) =>
        protectedText.StartsWith(Prefix, StringComparison.Ordinal)
            ? new string(protectedText[Prefix.Length..].Reverse().ToArray())
            : throw new InvalidOperationException($"not sealed: {protectedText}");
}

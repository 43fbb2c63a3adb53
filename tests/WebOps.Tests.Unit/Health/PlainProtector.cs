using WebOps.Data.Secrets;

namespace WebOps.Tests.Unit.Health;

/// <summary>No encryption: the retention tests store no secrets.</summary>
internal sealed class PlainProtector : ISecretProtector
{
    public string Protect(string plaintext) => plaintext;

    public string Unprotect(string protectedText) => protectedText;
}

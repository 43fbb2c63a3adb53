using System.Security.Cryptography;
using WebOps.Data.Secrets;

namespace WebOps.Webhooks;

/// <summary>
/// A stand-in secret for a delivery to a name with no secret (no such deployment, or none generated yet): it is
/// decrypted and checked like a real one, so the answer takes as long as for a wrong signature and says nothing
/// about which names exist. Random per process, and never stored, so no delivery can match it.
/// </summary>
public sealed class UnknownHookSecret(ISecretProtector protector)
{
    private readonly string stored = protector.Protect(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));

    public string Read() => protector.Unprotect(stored);
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace WebOps.Data.Secrets;

/// <summary>
/// Secret encryption with ASP.NET Core Data Protection; keys live in the data folder. Every read of a deployment
/// decrypts its three variable maps, so a health sweep over 50 apps made 150 decryptions (about 4 ms of CPU): the
/// plaintext of each encrypted text this process wrote or read is kept, up to <see cref="Capacity"/> texts. An encrypted
/// text always stands for the same plaintext (a changed value is encrypted anew), and the process holds the keys that
/// open them anyway; a text that does not decrypt is never kept, so it fails every time.
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    /// <summary>Enough for the maps of a few hundred deployments; past it the kept texts are dropped and read again.</summary>
    public const int Capacity = 1024;

    private readonly IDataProtector protector = provider.CreateProtector("WebOps.Secrets.v1");
    private readonly ConcurrentDictionary<string, string> opened = new(StringComparer.Ordinal);

    public string Protect(string plaintext)
    {
        var text = protector.Protect(plaintext);
        Keep(text, plaintext);
        return text;
    }

    public string Unprotect(string protectedText)
    {
        if (opened.TryGetValue(protectedText, out var plaintext))
        {
            return plaintext;
        }

        plaintext = protector.Unprotect(protectedText);
        Keep(protectedText, plaintext);
        return plaintext;
    }

    private void Keep(string protectedText, string plaintext)
    {
        if (opened.Count >= Capacity)
        {
            opened.Clear();
        }

        opened[protectedText] = plaintext;
    }
}

using Microsoft.AspNetCore.DataProtection;

namespace WebOps.Data.Secrets;

/// <summary>Secret encryption with ASP.NET Core Data Protection; keys live in the data folder.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("WebOps.Secrets.v1");

    public string Protect(string plaintext) => protector.Protect(plaintext);

    public string Unprotect(string protectedText) => protector.Unprotect(protectedText);
}

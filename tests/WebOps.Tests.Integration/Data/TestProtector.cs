using System.Text;
using WebOps.Data.Secrets;

namespace WebOps.Tests.Integration.Data;

/// <summary>A reversible stand-in for Data Protection in schema tests (base64, so the text is not plain JSON).</summary>
internal sealed class TestProtector : ISecretProtector
{
    public string Protect(string plaintext) => "t:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string protectedText) => Encoding.UTF8.GetString(Convert.FromBase64String(protectedText[2..]));
}

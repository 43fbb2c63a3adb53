namespace WebOps.Data.Secrets;

/// <summary>Encrypts secret values at rest (env vars, build args).</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}

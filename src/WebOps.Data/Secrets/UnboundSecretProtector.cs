namespace WebOps.Data.Secrets;

/// <summary>
/// The protector of the design-time context (<c>dotnet ef migrations add</c>, <c>dotnet ef dbcontext optimize</c>):
/// no data folder, so no keys. Secret columns get placeholder converters with it (<see cref="Configuration.SecretColumns"/>),
/// which is what lets the compiled model be generated; the runtime binds the real protector to them.
/// </summary>
internal sealed class UnboundSecretProtector : ISecretProtector
{
    public string Protect(string plaintext) => throw Unbound();

    public string Unprotect(string protectedText) => throw Unbound();

    private static InvalidOperationException Unbound() =>
        new("Secret columns cannot be read or written by the design-time database context: it has no data folder and so no keys.");
}

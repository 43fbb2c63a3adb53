using WebOps.Core.Processes;

namespace WebOps.Addons.Docker.Compose;

/// <summary>Finds the Compose CLI once: <c>docker compose version</c> first, else <c>docker-compose version --short</c>.</summary>
public sealed class ComposeCliLocator(ProcessRunner runner) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ComposeCli? _found;

    /// <summary>The CLI, or null when neither answers (then compose deployments fail with <see cref="Missing"/>).</summary>
    public async Task<ComposeCli?> FindAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return _found ??= await TryAsync("docker", ["compose", "version", "--short"], isV2: true, ct)
                ?? await TryAsync("docker-compose", ["version", "--short"], isV2: false, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public const string Missing =
        "No Compose CLI on this host: neither `docker compose` (v2 plugin) nor `docker-compose` answers. Install one (Debian: apt-get install docker-compose), then redeploy.";

    private async Task<ComposeCli?> TryAsync(string program, string[] arguments, bool isV2, CancellationToken ct)
    {
        try
        {
            var result = await runner.RunAsync(new ProcessRequest { Program = program, Arguments = arguments, Timeout = TimeSpan.FromSeconds(20) }, ct);
            var version = result.TailText(OutputStream.StandardOutput).LastOrDefault()?.Trim();
            return result.ExitCode == 0 && !string.IsNullOrEmpty(version)
                ? new ComposeCli(program, isV2 ? ["compose"] : [], isV2, version)
                : null;
        }
        catch (ProcessStartException)
        {
            return null;
        }
    }
}

using WebOps.Core.Processes;

namespace WebOps.Addons.Docker.Compose;

/// <summary>
/// Finds the Compose CLI once: <c>docker compose version</c> first, else <c>docker-compose version --short</c>. While
/// none is installed the answer is kept for <see cref="MissingKeptFor"/>, so <c>/healthz</c> does not start one or two
/// processes on every call, and a CLI installed later is still found.
/// </summary>
public sealed class ComposeCliLocator(ProcessRunner runner, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MissingKeptFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ComposeCli? _found;
    private DateTimeOffset? _missingSince;

    /// <summary>The CLI, or null when neither answers (then compose deployments fail with <see cref="Missing"/>).</summary>
    public async Task<ComposeCli?> FindAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_found is null && (_missingSince is not { } since || clock.GetUtcNow() - since >= MissingKeptFor))
            {
                _found = await TryAsync("docker", ["compose", "version", "--short"], isV2: true, ct)
                    ?? await TryAsync("docker-compose", ["version", "--short"], isV2: false, ct);
                _missingSince = _found is null ? clock.GetUtcNow() : null;
            }

            return _found;
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

using System.Text;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;

namespace WebOps.Proxy;

/// <summary>
/// The certificates of a deployment's names with TLS on, read from Caddy's storage in the proxy folder
/// (<c>certificates/&lt;issuer&gt;/&lt;name&gt;/&lt;name&gt;.crt</c>); a name without one shows the newest failure Caddy
/// logged for it, read from the end of Caddy's log. Nothing is asked of Caddy itself, so a stopped Caddy still
/// shows what it holds.
/// </summary>
public sealed class CertificateReader(ProxyFolder folder, IOptions<ProxyOptions> options)
{
    /// <summary>How much of the end of Caddy's log is read for failures: retries repeat them well within it.</summary>
    private const int LogTail = 512 * 1024;

    public async Task<IReadOnlyList<CertificateState>> OfAsync(Deployment d, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(d);
        var o = options.Value;
        if (!o.Enabled || d.Tls != TlsMode.Auto)
        {
            return [];
        }

        var states = new List<CertificateState>();
        IReadOnlyDictionary<string, string>? failures = null;
        foreach (var name in DomainNames.Of(d.Name, d.Domains, o.BaseDomain))
        {
            if (await NewestAsync(name, ct) is { } found)
            {
                states.Add(found);
                continue;
            }

            failures ??= CaddyObtainFailures.Parse(await LogTailAsync(ct));
            states.Add(failures.TryGetValue(name, out var error) ? new CertificateState(name, null, null, error) : CertificateState.Pending(name));
        }

        return states;
    }

    /// <summary>The name's certificate that lasts longest, when several issuers hold one (the issuer changed).</summary>
    private async Task<CertificateState?> NewestAsync(string name, CancellationToken ct)
    {
        var root = Path.Combine(folder.Path, "certificates");
        if (!Directory.Exists(root))
        {
            return null;
        }

        CertificateState? newest = null;
        foreach (var file in Directory.EnumerateDirectories(root).Select(issuer => Path.Combine(issuer, name, name + ".crt")).Where(File.Exists))
        {
            var state = CertificateFacts.FromPem(name, await File.ReadAllTextAsync(file, ct), file);
            if (newest is null || (newest.NotAfter ?? DateTimeOffset.MinValue) < (state.NotAfter ?? DateTimeOffset.MinValue))
            {
                newest = state;
            }
        }

        return newest;
    }

    private async Task<string[]> LogTailAsync(CancellationToken ct)
    {
        if (!File.Exists(folder.LogFile))
        {
            return [];
        }

        await using var stream = new FileStream(folder.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(0, stream.Length - LogTail);
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = (await reader.ReadToEndAsync(ct)).Split('\n');
        // Reading from the middle of the file cuts the first line: leave it out.
        return start > 0 ? lines[1..] : lines;
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>Picks a loopback port for an app: inside the configured range, unused by other deployments, bindable now.</summary>
public sealed class HostPortAllocator(IOptions<DeploymentSettings> settings)
{
    private readonly Lock gate = new();

    // Ports handed out by this process; two deploys running at once both query before either saves.
    private readonly HashSet<int> handedOut = [];

    public async Task<int> AllocateAsync(WebOpsDbContext db, int deploymentId, CancellationToken ct)
    {
        var taken = (await db.Deployments.Where(d => d.Id != deploymentId && d.HostPort != null)
            .Select(d => d.HostPort!.Value).ToListAsync(ct)).ToHashSet();
        var s = settings.Value;
        var span = s.HostPortRangeEnd - s.HostPortRangeStart + 1;
        var start = Random.Shared.Next(span);
        lock (gate)
        {
            for (var i = 0; i < span; i++)
            {
                var port = s.HostPortRangeStart + ((start + i) % span);
                if (!taken.Contains(port) && !handedOut.Contains(port) && IsFree(port))
                {
                    handedOut.Add(port);
                    return port;
                }
            }
        }

        throw new DeployFailedException(
            $"No free host port in {s.HostPortRangeStart}-{s.HostPortRangeEnd}. Widen Deployments:HostPortRangeStart/End or remove unused deployments.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

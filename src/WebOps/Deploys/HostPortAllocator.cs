using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Proxy;
using WebOps.Data;
using WebOps.Hosting;

namespace WebOps.Deploys;

/// <summary>
/// Picks a loopback port for an app: inside the configured range, bindable now, and outside the slot pair
/// (<see cref="SlotPorts"/>) of every other deployment's port, so a deployment's next release can take the partner of
/// its port and the edge never sees another app's port among a deployment's slots.
/// </summary>
public sealed class HostPortAllocator(IOptions<DeploymentSettings> settings)
{
    private readonly Lock gate = new();

    // Ports handed out but perhaps not saved yet, by deployment: two deploys running at once both read the
    // database before either saves. An entry goes once a later read of the database shows it saved, or its
    // deployment gone; a deployment holds at most one, as its deploys run one at a time.
    private readonly Dictionary<int, Reservation> handedOut = [];

    // Orders reservations against database reads, so a read never drops a reservation made after it began.
    private long clock;

    /// <param name="besideCurrent">
    /// True for a release started beside the running one: the deployment's own stored port is taken too.
    /// </param>
    public async Task<int> AllocateAsync(WebOpsDbContext db, int deploymentId, CancellationToken ct, bool besideCurrent = false)
    {
        long readStarted;
        lock (gate)
        {
            readStarted = clock;
        }

        var stored = await db.Deployments.Select(d => new { d.Id, d.HostPort }).ToDictionaryAsync(d => d.Id, d => d.HostPort, ct);
        var s = settings.Value;
        var span = s.HostPortRangeEnd - s.HostPortRangeStart + 1;
        var start = Random.Shared.Next(span);
        lock (gate)
        {
            Forget(stored, readStarted);
            handedOut.Remove(deploymentId); // an earlier deploy of this deployment that never saved its port
            var others = stored.Where(p => p.Key != deploymentId && p.Value is not null).Select(p => p.Value!.Value)
                .Concat(handedOut.Values.Select(r => r.Port));
            var taken = others.SelectMany(p => new[] { p, SlotPorts.Partner(p) }).ToHashSet();
            if (besideCurrent && stored.GetValueOrDefault(deploymentId) is int own)
            {
                taken.Add(own);
            }

            for (var i = 0; i < span; i++)
            {
                var port = s.HostPortRangeStart + ((start + i) % span);
                if (!taken.Contains(port) && IsFree(port))
                {
                    handedOut[deploymentId] = new Reservation(port, ++clock);
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

    /// <summary>
    /// Drops the reservations the database read answers: the port is saved (the database now keeps it taken), or,
    /// for a reservation older than the read, its deployment is gone or holds another port.
    /// </summary>
    private void Forget(Dictionary<int, int?> stored, long readStarted)
    {
        foreach (var (deploymentId, reservation) in handedOut.ToList())
        {
            var known = stored.TryGetValue(deploymentId, out var port);
            var saved = known && port == reservation.Port;
            var settled = reservation.MadeAt <= readStarted && (!known || port is not null);
            if (saved || settled)
            {
                handedOut.Remove(deploymentId);
            }
        }
    }

    private sealed record Reservation(int Port, long MadeAt);
}

using WebOps.Core.Hooks;

namespace WebOps.Core.Proxy;

/// <summary>
/// The edge as a runtime hook sees it during a redeploy: whether the deployment is reached through the edge (then a
/// new release can start beside the old one on its own port), a port for that release, and the switch of the
/// deployment's route to it. Absent (no edge in the host) means every redeploy stops the old release first.
/// </summary>
public interface IEdgeRouter
{
    /// <summary>How long at most the old release keeps running after the switch, so requests it already took can finish.</summary>
    TimeSpan DrainTimeout { get; }

    /// <summary>True when the edge is enabled, answering, and routes at least one name to this deployment.</summary>
    bool Routes(DeploymentSnapshot deployment);

    /// <summary>
    /// A free loopback port for the deployment's next release, never its current one nor another deployment's: the
    /// other port of its pair of slots when that one is free (<see cref="SlotPorts"/>), so the switch needs no config load.
    /// </summary>
    Task<int> ReservePortAsync(DeploymentSnapshot deployment, CancellationToken ct);

    /// <summary>
    /// Makes <paramref name="port"/> the deployment's host port and returns once the edge sends its names there and
    /// no longer sends new requests to the previous port (its slot is marked down), so that release can drain and stop.
    /// Returns null, or a warning for the deploy log when the edge's health checks were not seen taking the change in
    /// time (the switch went on regardless, so a request may have failed).
    /// </summary>
    /// <exception cref="EdgeSwitchException">The edge did not take the new route; the old one may still be in place.</exception>
    Task<string?> SwitchAsync(string deployment, int port, CancellationToken ct);

    /// <summary>
    /// Returns once the edge has no request in flight to the previous release at <paramref name="previousPort"/> (asked
    /// after a short minimum, so a request it took just before the switch is counted), or after <see cref="DrainTimeout"/>
    /// at most; when the edge cannot tell (no port, admin API not answering), after the whole timeout. Cancelling
    /// returns at once with <see cref="DrainEnd.Cancelled"/> instead of throwing: the previous release then stops.
    /// </summary>
    Task<DrainResult> DrainAsync(int? previousPort, CancellationToken ct);
}

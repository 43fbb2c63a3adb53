namespace WebOps.Core.Validation;

/// <summary>
/// Which host folders a volume may mount. A denied path is denied with everything below it, and
/// so is every folder above it: mounting <c>/run</c> would expose <c>/run/docker.sock</c> just as
/// well. The check is lexical; symlinks on the host are not resolved here.
/// </summary>
internal static class HostPathPolicy
{
    private const string Fix = "mount a folder under /srv or /var/lib instead";

    // System folders and Docker's own socket and state: a container with write access to any of
    // them controls the host.
    private static readonly string[] BuiltIn =
    [
        "/etc", "/proc", "/sys", "/dev", "/boot",
        "/var/run/docker.sock", "/run/docker.sock", "/var/lib/docker",
    ];

    /// <summary>Null when allowed, else the message; <paramref name="hostPath"/> is normalized.</summary>
    public static string? Check(string hostPath, IReadOnlyList<string> configured)
    {
        if (hostPath == "/")
        {
            return $"host path '/' is not allowed; {Fix}";
        }

        var builtIn = FindConflict(hostPath, BuiltIn);
        if (builtIn is not null)
        {
            return Message(hostPath, builtIn, configured: false);
        }

        // Relative entries cannot match an absolute host path; they are skipped rather than guessed at.
        var normalizedConfigured = configured
            .Where(p => p.StartsWith('/') && !PosixPath.HasParentSegment(p))
            .Select(PosixPath.Normalize)
            .ToList();
        if (normalizedConfigured.Contains("/"))
        {
            return $"host path {Describe.Quote(hostPath)} is not allowed, because Docker:DeniedHostPaths denies all host paths; use a named volume instead";
        }

        var own = FindConflict(hostPath, normalizedConfigured);
        return own is null ? null : Message(hostPath, own, configured: true);
    }

    private static string? FindConflict(string hostPath, IEnumerable<string> denied) =>
        denied.FirstOrDefault(d => PosixPath.IsSameOrUnder(hostPath, d) || PosixPath.IsSameOrUnder(d, hostPath));

    private static string Message(string hostPath, string denied, bool configured)
    {
        var reasons = new List<string>();
        if (hostPath != denied)
        {
            reasons.Add(PosixPath.IsSameOrUnder(hostPath, denied) ? $"it is under {denied}" : $"it contains {denied}");
        }

        if (configured)
        {
            reasons.Add("denied by Docker:DeniedHostPaths");
        }

        var why = reasons.Count == 0 ? "" : $" ({string.Join(", ", reasons)})";
        return $"host path {Describe.Quote(hostPath)} is not allowed{why}; {Fix}";
    }
}

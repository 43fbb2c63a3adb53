using System.Globalization;

namespace WebOps.Core.Proxy;

/// <summary>
/// How the drain of a previous release went, for the deploy log: how long it took and why it ended.
/// <paramref name="Detail"/> is the count still in flight (<see cref="DrainEnd.TimedOut"/>) or why the edge could
/// not be asked (<see cref="DrainEnd.Unknown"/>).
/// </summary>
public sealed record DrainResult(TimeSpan Took, DrainEnd End, string? Detail = null)
{
    /// <summary>One line for the deploy log about <paramref name="previous"/> (e.g. <c>The previous container webops-blog</c>).</summary>
    public string Describe(string previous) => End switch
    {
        DrainEnd.Idle => $"{previous} drained in {Seconds(Took)}: the edge had no request in flight to it.",
        DrainEnd.TimedOut => $"{previous} drained for {Seconds(Took)}, the drain timeout (Deployments:DrainTimeout), and stops with {Detail} still in flight.",
        DrainEnd.Unknown => $"{previous} drained for {Seconds(Took)}, the drain timeout (Deployments:DrainTimeout): {Detail}.",
        _ => $"{previous} drained for {Seconds(Took)} and stops now: the deploy was cancelled.",
    };

    private static string Seconds(TimeSpan t) => $"{Math.Round(t.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)} s";
}

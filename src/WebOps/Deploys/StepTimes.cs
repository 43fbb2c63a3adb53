using System.Globalization;
using WebOps.Core.Hooks;

namespace WebOps.Deploys;

/// <summary>
/// How long each step of one deploy run took (<see cref="DeploySteps"/>), summed when a step runs twice. The summary
/// line ends the deploy log so a user sees where the time went; "other" is what no step claims (saving the run,
/// tagging and pruning images, the queue).
/// </summary>
public sealed class StepTimes : IDeployStepRecorder
{
    private readonly Dictionary<string, TimeSpan> steps = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Record(string step, TimeSpan elapsed)
    {
        lock (gate)
        {
            steps[step] = steps.GetValueOrDefault(step) + elapsed;
        }
    }

    /// <summary>The sum of every recorded step.</summary>
    public TimeSpan Total()
    {
        lock (gate)
        {
            return steps.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        }
    }

    /// <summary>
    /// One line: every known step in run order ("-" when it did not run, e.g. clone in a rollback), then any other
    /// recorded step, then "other" and the run's <paramref name="total"/>.
    /// </summary>
    public string Summary(TimeSpan total)
    {
        lock (gate)
        {
            var parts = DeploySteps.All.Select(s => $"{s} {Format(steps.TryGetValue(s, out var t) ? t : null)}")
                .Concat(steps.Keys.Where(k => !DeploySteps.All.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{k} {Format(steps[k])}"))
                .ToList();
            var other = total - steps.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            parts.Add($"other {Format(other < TimeSpan.Zero ? TimeSpan.Zero : other)}");
            return $"Time per step: {string.Join(", ", parts)}; total {Format(total)}";
        }
    }

    private static string Format(TimeSpan? t) =>
        t is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalSeconds:0.00} s") : "-";
}

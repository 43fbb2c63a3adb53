namespace WebOps.Swarm.Routing;

/// <summary>How the running tasks of one swarm deployment changed between two listings.</summary>
public sealed record SwarmRouteChange(string Deployment, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, int Now)
{
    /// <summary>
    /// The deployments whose tasks changed from <paramref name="before"/> (null: nothing known yet, so every listed
    /// task is new) to <paramref name="after"/>, by name; a deployment missing on one side has no tasks there.
    /// </summary>
    public static IReadOnlyList<SwarmRouteChange> Between(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? before, IReadOnlyDictionary<string, IReadOnlyList<string>> after)
    {
        ArgumentNullException.ThrowIfNull(after);
        before ??= new Dictionary<string, IReadOnlyList<string>>();
        return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                IReadOnlyList<string> was = before.GetValueOrDefault(name) ?? [], now = after.GetValueOrDefault(name) ?? [];
                return new SwarmRouteChange(name, [.. now.Except(was).Order(StringComparer.Ordinal)], [.. was.Except(now).Order(StringComparer.Ordinal)], now.Count);
            })
            .Where(c => c.Added.Count > 0 || c.Removed.Count > 0)];
    }

    /// <summary>True when both listings name the same deployments with the same tasks.</summary>
    public static bool Same(IReadOnlyDictionary<string, IReadOnlyList<string>>? before, IReadOnlyDictionary<string, IReadOnlyList<string>> after) =>
        before is not null && before.Count == after.Count
        && before.All(b => after.TryGetValue(b.Key, out var a) && a.SequenceEqual(b.Value, StringComparer.Ordinal));

    /// <summary>One log line: <c>'shop' now 2 task(s); added 10.0.0.3:30012; removed 10.0.0.3:30011</c>.</summary>
    public string Describe()
    {
        var text = $"'{Deployment}' now {Now} task(s)";
        if (Added.Count > 0)
        {
            text += $"; added {string.Join(", ", Added)}";
        }

        if (Removed.Count > 0)
        {
            text += $"; removed {string.Join(", ", Removed)}";
        }

        return text;
    }
}

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>What to change on a node; null leaves it as it is. <paramref name="Labels"/> replaces the whole set.</summary>
public sealed record NodeChange(string? Availability, IReadOnlyDictionary<string, string>? Labels)
{
    /// <summary>Names what changes, never label values: e.g. <c>availability=drain, labels: zone, rack</c>.</summary>
    public string Describe() => string.Join(
        ", ",
        new[]
        {
            Availability is null ? null : $"availability={Availability}",
            Labels is null ? null : Labels.Count == 0 ? "labels: none" : $"labels: {string.Join(", ", Labels.Keys.Order(StringComparer.Ordinal))}",
        }.OfType<string>());
}

namespace WebOps.Api;

/// <summary>
/// <c>PATCH /api/cluster/nodes/{id}</c>: <c>availability</c> (active, pause, drain) and/or <c>labels</c>, which replace
/// the node's labels as a whole (<c>{}</c> removes them all).
/// </summary>
public sealed record ClusterNodePatch(string? Availability, Dictionary<string, string?>? Labels);

using WebOps.Core.Deployments;

namespace WebOps.Audit;

/// <summary>
/// Which of a deployment's fields an edit changed, by name only: a map key added, removed or given a new value is
/// named <c>field.KEY</c>; no value ever leaves this type, since variables hold secrets.
/// </summary>
public sealed class ChangedFields
{
    private readonly Deployment deployment;
    private readonly IReadOnlyList<KeyValuePair<string, string>> before;

    private ChangedFields(Deployment deployment)
    {
        this.deployment = deployment;
        before = DeploymentFields.Of(deployment);
    }

    /// <summary>Remembers the deployment's fields now; <see cref="Describe"/> later compares them with its fields then.</summary>
    public static ChangedFields Track(Deployment deployment) => new(deployment);

    /// <summary>The audit details of the edit: <c>changed: branch, env_vars.API_KEY</c>, or <c>no field changed</c>.</summary>
    public string Describe() => Text(Between(before, DeploymentFields.Of(deployment)));

    public static string Text(IReadOnlyList<string> names) =>
        names.Count == 0 ? "no field changed" : "changed: " + string.Join(", ", names);

    /// <summary>
    /// Names whose value differs or that exist on one side only, in the form's field order (<see cref="DeploymentFields.Order"/>),
    /// a map's keys by name.
    /// </summary>
    public static IReadOnlyList<string> Between(
        IReadOnlyList<KeyValuePair<string, string>> before, IReadOnlyList<KeyValuePair<string, string>> after)
    {
        var old = before.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var now = after.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return
        [
            .. old.Keys.Union(now.Keys, StringComparer.Ordinal)
                .Where(name => !old.TryGetValue(name, out var was) || !now.TryGetValue(name, out var @is) || !string.Equals(was, @is, StringComparison.Ordinal))
                .OrderBy(Rank)
                .ThenBy(name => name, StringComparer.Ordinal),
        ];
    }

    /// <summary>Where the field (a map key by its map) comes in the form; unknown names last.</summary>
    private static int Rank(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var index = Array.IndexOf(DeploymentFields.Order, dot < 0 ? name : name[..dot]);
        return index < 0 ? int.MaxValue : index;
    }
}

using System.Globalization;
using WebOps.Core.Validation;

namespace WebOps.Pages.Deployments;

/// <summary>
/// Field errors placed where the form shows them. A slot is a field (<c>name</c>), an editor (<c>env_vars</c>)
/// or one row of an editor (<c>docker_volumes#1</c>, the second row).
/// </summary>
public sealed class FormErrors
{
    private static readonly string[] IndexedLists = ["docker_volumes", "docker_ports", "domains"];
    private static readonly string[] KeyedMaps = ["env_vars", "docker_build_args", "docker_env_vars"];

    private readonly List<(string Slot, FieldError Error)> items = [];

    public bool Any => items.Count > 0;

    public IReadOnlyList<(string Slot, FieldError Error)> All => items;

    public void Add(string slot, FieldError error) => items.Add((slot, error));

    /// <summary>Places each error of the service by its path: a list index is a row, a map key is the row with that key.</summary>
    public void AddAll(IEnumerable<FieldError> errors, DeploymentForm form)
    {
        foreach (var e in errors)
        {
            Add(SlotFor(e.Field, form), e);
        }
    }

    public bool Has(string slot) => items.Any(i => i.Slot == slot);

    /// <summary>The sentences to show at a slot.</summary>
    public IEnumerable<string> For(string slot) => items.Where(i => i.Slot == slot).Select(i => Sentence(i.Slot, i.Error));

    public static string RowSlot(string field, int row) => string.Create(CultureInfo.InvariantCulture, $"{field}#{row}");

    /// <summary>The HTML id of a slot's element, used by the summary's links.</summary>
    public static string ElementId(string slot) => "f-" + slot.Replace('#', '-');

    public static string SlotFor(string path, DeploymentForm form)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !path.EndsWith(']'))
        {
            return path;
        }

        var field = path[..open];
        var inner = path[(open + 1)..^1];
        if (IndexedLists.Contains(field))
        {
            var count = field switch
            {
                "docker_volumes" => form.DockerVolumes.Count,
                "docker_ports" => form.DockerPorts.Count,
                _ => form.Domains.Count,
            };
            return int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < count ? RowSlot(field, i) : field;
        }

        if (KeyedMaps.Contains(field))
        {
            var rows = field switch
            {
                "env_vars" => form.EnvVars,
                "docker_build_args" => form.DockerBuildArgs,
                _ => form.DockerEnvVars,
            };
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Key == inner)
                {
                    return RowSlot(field, i);
                }
            }

            return field;
        }

        return field;
    }

    /// <summary>"Volume 2: host path '/etc' is not allowed; …" or "Name is required; …".</summary>
    public static string Sentence(string slot, FieldError error)
    {
        var label = FieldLabels.For(slot, error.Field);
        var verbFirst = error.Message.Split(' ', 2)[0] is "is" or "has" or "must" or "contains" or "cannot" or "appears";
        return verbFirst ? $"{label} {error.Message}" : $"{label}: {error.Message}";
    }
}

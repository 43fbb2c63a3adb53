using System.Globalization;

namespace WebOps.Core.Validation;

/// <summary><c>docker_volumes</c>: each entry parsed, its host path checked against the policy, container paths unique.</summary>
internal static class VolumeListRule
{
    private const string Field = "docker_volumes";

    public static void Check(IReadOnlyList<string> volumes, IReadOnlyList<string> deniedHostPaths, List<FieldError> errors)
    {
        if (volumes.Count > ValidationLimits.VolumesMaxCount)
        {
            errors.Add(new FieldError(Field,
                $"has {Describe.Count(volumes.Count)} entries; the limit is {Describe.Count(ValidationLimits.VolumesMaxCount)}, so remove some"));
        }

        var containerPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < volumes.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{Field}[{i}]");
            if (!VolumeSpec.TryParse(volumes[i], out var spec, out var error))
            {
                errors.Add(new FieldError(path, error));
                continue;
            }

            var denied = spec.IsNamedVolume ? null : HostPathPolicy.Check(spec.HostPathOrName, deniedHostPaths);
            if (denied is not null)
            {
                errors.Add(new FieldError(path, denied));
            }

            if (containerPaths.TryGetValue(spec.ContainerPath, out var first))
            {
                errors.Add(new FieldError(path,
                    $"container path {Describe.Quote(spec.ContainerPath)} is already used by {first}; mount each container path once"));
            }
            else
            {
                containerPaths[spec.ContainerPath] = path;
            }
        }
    }
}

namespace WebOps.Core.Addons.Yaml;

/// <summary>A mapping whose keys are scalars, in file order; duplicate keys are kept so the checker can name them.</summary>
internal sealed record ManifestMapping(IReadOnlyList<KeyValuePair<ManifestScalar, ManifestNode>> Entries, int Line, int Column)
    : ManifestNode(Line, Column);

namespace WebOps.Core.Addons.Yaml;

internal sealed record ManifestSequence(IReadOnlyList<ManifestNode> Items, int Line, int Column) : ManifestNode(Line, Column);

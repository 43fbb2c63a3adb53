namespace WebOps.Core.Addons.Yaml;

/// <summary>A node of a parsed manifest, with the 1-based position where it starts.</summary>
internal abstract record ManifestNode(int Line, int Column);

namespace WebOps.Core.Addons.Yaml;

/// <summary>A scalar as written; <see cref="IsPlain"/> is false for quoted and block scalars, which are always text.</summary>
internal sealed record ManifestScalar(string Value, bool IsPlain, int Line, int Column) : ManifestNode(Line, Column)
{
    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}
